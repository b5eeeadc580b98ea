using System.Collections.Concurrent;

namespace Vigil.Infrastructure.Web;

/// <summary>
/// Makes a form submission happen once. Each form carries a submission id; a second post of the same id by the
/// same user (a double click, a resubmitted tab) waits for the first and gets its result instead of writing again.
/// Kept in memory for <see cref="Window"/>: enough for double clicks and retries, not a durable idempotency store.
/// </summary>
public sealed class SubmissionGuard(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(DateTimeOffset Started, TaskCompletionSource<long?> Result);

    /// <summary>
    /// Runs <paramref name="work"/> once per user and submission id. The work returns the id of what it created,
    /// or null when it refused the input, in which case a later post of the same id may try again.
    /// </summary>
    public async Task<(long? Id, bool Repeated)> RunOnceAsync(string userId, string? submissionId, Func<Task<long?>> work)
    {
        if (string.IsNullOrWhiteSpace(submissionId) || submissionId.Length > 64)
        {
            return (await work(), false);
        }
        Prune();
        var key = userId + "\n" + submissionId;
        var mine = new Entry(time.GetUtcNow(), new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously));
        var entry = _entries.GetOrAdd(key, mine);
        if (!ReferenceEquals(entry, mine))
        {
            var earlier = await entry.Result.Task;
            if (earlier is not null)
            {
                return (earlier, true);
            }
            // The earlier attempt was refused (and has removed itself): this one is a fresh try.
            return await RunOnceAsync(userId, submissionId, work);
        }
        try
        {
            var id = await work();
            mine.Result.SetResult(id);
            if (id is null)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, mine));
            }
            return (id, false);
        }
        catch (Exception exception)
        {
            mine.Result.SetException(exception);
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, mine));
            throw;
        }
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - Window;
        foreach (var (key, entry) in _entries)
        {
            if (entry.Started < cutoff && entry.Result.Task.IsCompleted)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }
}
