using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Vigil.Infrastructure;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Alerts;

/// <summary>
/// How far the rules have been run for the passing of time: the end of the last interval evaluated. One row.
/// </summary>
public sealed class RuleClockState
{
    public long Id { get; set; }
    public DateTimeOffset EvaluatedTo { get; set; }
}

internal sealed class RuleClockStateConfiguration : IEntityTypeConfiguration<RuleClockState>
{
    public void Configure(EntityTypeBuilder<RuleClockState> builder) => builder.ToTable("RuleClock");
}

/// <summary>
/// Runs the rules for time that has passed — a risk assessment still missing 24 hours after an incident, a DVPO
/// hearing not held 40 hours after a DVPN — with nothing written to trigger them. The interval evaluated and the
/// alerts it raises commit in one transaction, so after a crash the next run covers exactly the interval that did
/// not commit: no deadline is skipped, none is alerted twice. The background service calls it in the running
/// application; replay and import call it with the replay clock before each event and at the end.
/// </summary>
public sealed class RuleClock(AppDbContext db, AlertEngine engine, TimeProvider time)
{
    /// <summary>Evaluates (last run, now]; the first call only starts the clock.</summary>
    public async Task<int> AdvanceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = await db.RunAsync<int>(async ct =>
        {
            var state = await db.Set<RuleClockState>().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
            if (state is null)
            {
                db.Add(new RuleClockState { EvaluatedTo = now });
                await db.SaveChangesAsync(ct);
                return 0;
            }
            if (now <= state.EvaluatedTo)
            {
                return 0;
            }
            var changed = await engine.RunAsync(RuleTrigger.ForTime(state.EvaluatedTo, now), ct);
            state.EvaluatedTo = now;
            await db.SaveChangesAsync(ct);
            return changed.Count;
        }, cancellationToken);
        return outcome.Value;
    }
}

/// <summary>Advances the <see cref="RuleClock"/> every <see cref="VigilOptions.RuleClockInterval"/> while Vigil serves.</summary>
public sealed partial class RuleClockService(IServiceScopeFactory scopes, TimeProvider time, IOptions<VigilOptions> options, ILogger<RuleClockService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RuleClockEnabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.RuleClockInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changed = await scope.ServiceProvider.GetRequiredService<RuleClock>().AdvanceAsync(stoppingToken);
                if (changed > 0)
                {
                    Advanced(logger, changed);
                }
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
            {
                // The interval did not commit, so the next tick evaluates it again; the service keeps running.
                Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Rules run for time passed: {Changed} alert(s) raised or updated")]
    private static partial void Advanced(ILogger logger, int changed);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Rules for time passed failed; the interval will be evaluated again")]
    private static partial void Failed(ILogger logger, Exception exception);
}
