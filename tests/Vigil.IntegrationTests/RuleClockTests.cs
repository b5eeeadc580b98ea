using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Features.Alerts;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// The rule clock: deadline rules see each interval of passing time once, so a deadline raises its alert when it
/// passes — not before, not twice — and an interval whose evaluation failed is evaluated again, not skipped.
/// The rule here is the shape later deadline rules take ("no X 24 hours after an incident was recorded").
/// </summary>
public sealed class RuleClockTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Fires for each incident whose 24-hour deadline falls in the time that passed; can be made to fail once.</summary>
    private sealed class DayAfterIncidentRule : IRule
    {
        public int FailuresToCome { get; set; }

        public string Id => "test-day-after-incident";

        public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

        public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
        {
            if (context.Trigger.TimePassed is not { } passed)
            {
                return;
            }
            if (FailuresToCome > 0)
            {
                FailuresToCome--;
                throw new InvalidOperationException("simulated failure part-way through an evaluation");
            }
            var from = passed.From.AddHours(-24);
            var to = passed.To.AddHours(-24);
            var due = await context.Db.Incidents.Where(i => i.RecordedAt > from && i.RecordedAt <= to)
                .Select(i => new { i.Id, i.ForceId }).ToListAsync(cancellationToken);
            foreach (var incident in due)
            {
                context.Report(new RuleFinding(Id, DefaultSeverity, incident.ForceId, $"incident:{incident.Id}",
                    [(AlertEvidenceKind.Incident, incident.Id)], "Alert.CourseOfConduct", ["1", "", "", "", ""], Roles.Supervisor));
            }
        }
    }

    [Fact]
    public async Task Deadline_RaisesOnceWhenItPasses_AndAFailedIntervalIsEvaluatedAgain()
    {
        var rule = new DayAfterIncidentRule();
        async Task<int> AdvanceAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var clock = new RuleClock(db, new AlertEngine(db, app.Clock, [rule]), app.Clock);
            return await clock.AdvanceAsync(CancellationToken.None);
        }
        async Task<List<Alert>> AlertsAsync(long incident)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.Alerts.Include(a => a.History).Where(a => a.RuleId == rule.Id && a.SubjectKey == $"incident:{incident}").ToListAsync();
        }
        await AdvanceAsync();
        var cp = app.ClientFor("cp.investigator");
        var victim = await cp.CreatePersonAsync("Nerys", Api.UniqueName("Gwilym"), "1977-05-06");
        var suspect = await cp.CreatePersonAsync("Idris", Api.UniqueName("Penry"), "1969-09-30");
        var incident = await cp.RecordIncidentAsync(Api.Incident(victim, suspect, "Harassment"));

        app.AdvanceTime(TimeSpan.FromHours(23));
        await AdvanceAsync();
        Assert.Empty(await AlertsAsync(incident));

        // The evaluation of the next interval fails part-way: nothing of it commits, and the clock stays put.
        rule.FailuresToCome = 1;
        app.AdvanceTime(TimeSpan.FromHours(2));
        await Assert.ThrowsAsync<InvalidOperationException>(AdvanceAsync);
        Assert.Empty(await AlertsAsync(incident));

        await AdvanceAsync();
        var alert = Assert.Single(await AlertsAsync(incident));
        Assert.Equal([AlertChange.Raised], alert.History.Select(h => h.Change));

        app.AdvanceTime(TimeSpan.FromHours(30));
        await AdvanceAsync();
        await AdvanceAsync();
        alert = Assert.Single(await AlertsAsync(incident));
        Assert.Equal([AlertChange.Raised], alert.History.Select(h => h.Change));
    }
}
