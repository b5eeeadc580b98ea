using Vigil.Infrastructure.Web;

namespace Vigil.UnitTests.Infrastructure.Web;

public class SubmissionGuardTests
{
    [Fact]
    public async Task RunOnce_SameUserAndSubmission_SecondCallGetsFirstResultWithoutWorking()
    {
        var guard = new SubmissionGuard(TimeProvider.System);
        var calls = 0;

        var first = await guard.RunOnceAsync("u1", "s1", () => Task.FromResult<long?>(++calls * 10));
        var second = await guard.RunOnceAsync("u1", "s1", () => Task.FromResult<long?>(++calls * 10));

        Assert.Equal((10L, false), (first.Id!.Value, first.Repeated));
        Assert.Equal((10L, true), (second.Id!.Value, second.Repeated));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunOnce_ConcurrentDoubleClick_WorkRunsOnce()
    {
        var guard = new SubmissionGuard(TimeProvider.System);
        var release = new TaskCompletionSource();
        var calls = 0;
        async Task<long?> Work()
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return 7;
        }

        var a = guard.RunOnceAsync("u1", "s1", Work);
        var b = guard.RunOnceAsync("u1", "s1", Work);
        release.SetResult();
        var results = await Task.WhenAll(a, b);

        Assert.Equal(1, calls);
        Assert.All(results, r => Assert.Equal(7, r.Id));
    }

    [Fact]
    public async Task RunOnce_RefusedAttempt_CanBeRetried_OtherUsersAndMissingIdsUnaffected()
    {
        var guard = new SubmissionGuard(TimeProvider.System);

        var refused = await guard.RunOnceAsync("u1", "s1", () => Task.FromResult<long?>(null));
        var retried = await guard.RunOnceAsync("u1", "s1", () => Task.FromResult<long?>(5));
        var otherUser = await guard.RunOnceAsync("u2", "s1", () => Task.FromResult<long?>(6));
        var noId = await guard.RunOnceAsync("u1", null, () => Task.FromResult<long?>(8));
        var noIdAgain = await guard.RunOnceAsync("u1", null, () => Task.FromResult<long?>(9));

        Assert.Null(refused.Id);
        Assert.Equal(5, retried.Id);
        Assert.Equal(6, otherUser.Id);
        Assert.Equal((8L, 9L), (noId.Id!.Value, noIdAgain.Id!.Value));
    }
}
