using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Referrals;
using Vigil.Features.Risk;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>marac-referral-criteria</c>: a domestic case met a MARAC criterion — visible high risk (the DASH answers
/// reach the force's high band), a grade of high (the officer's or a supervisor's), or potential escalation (a
/// third incident for the victim within twelve months) — and two days later no MARAC referral of the victim is
/// recorded. The reviews found referral gaps for victims who met the criteria.
/// </summary>
public sealed class MaracReferralCriteriaRule : IRule
{
    public const string RuleId = "marac-referral-criteria";
    public static readonly RuleThreshold Days = new("days", 2, 1, 14);
    public static readonly RuleThreshold MinimumIncidents = new("minimumIncidents", 3, 2, 20);
    public static readonly RuleThreshold WindowDays = new("windowDays", 365, 30, 1_095);

    public IReadOnlyList<RuleThreshold> Thresholds => [Days, MinimumIncidents, WindowDays];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    private sealed record Met(long ForceId, long VictimRecordId, DateTimeOffset At, string Criterion, string Detail, (AlertEvidenceKind, long) Evidence, long? IncidentId, long? CaseId);

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        var db = context.Db;
        foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            var wait = TimeSpan.FromDays(await context.ThresholdAsync(this, Days, force, cancellationToken));
            var from = interval.From - wait;
            var to = interval.To - wait;
            var met = new List<Met>();
            var reference = await RiskReference.ForForceAsync(db, force, cancellationToken);

            // Assessments completed, or reviews made, when the criterion was met.
            var assessments = await RiskFacts.Completed(db).AsNoTracking().Include(r => r.Reviews)
                .Where(r => r.ForceId == force && ((r.CompletedAt > from && r.CompletedAt <= to) || r.Reviews.Any(v => v.ReviewedAt > from && v.ReviewedAt <= to)))
                .ToListAsync(cancellationToken);
            foreach (var a in assessments)
            {
                var at = a.Reviews.Where(v => v.ReviewedAt > from && v.ReviewedAt <= to && v.Grade == RiskGrade.High).Select(v => (DateTimeOffset?)v.ReviewedAt).FirstOrDefault()
                    ?? (a.CompletedAt > from && a.CompletedAt <= to ? a.CompletedAt : null);
                if (at is null)
                {
                    continue;
                }
                var band = a.Tool == RiskTool.DASH && a.YesCount >= reference.HighBand;
                if (!band && a.EffectiveGrade != RiskGrade.High)
                {
                    continue;
                }
                var targets = await Cases.RecordTarget.IncidentIdsAsync(db, a.IncidentId, a.CaseId, cancellationToken);
                if (!await db.Incidents.AnyAsync(i => targets.Contains(i.Id) && (i.Domestic || RiskFacts.Domestic.Contains(i.Relationship)), cancellationToken))
                {
                    continue;
                }
                met.Add(new Met(force, a.VictimId, at.Value, band ? "Alert.Marac.Band" : "Alert.Marac.Grade",
                    band ? a.YesCount.ToString(CultureInfo.InvariantCulture) : RiskAssessment.Reference(a.Id), (AlertEvidenceKind.RiskAssessment, a.Id), a.IncidentId, a.CaseId));
            }

            // Domestic incidents that made a victim's third (by default) in twelve months.
            var windowDays = TimeSpan.FromDays(await context.ThresholdAsync(this, WindowDays, force, cancellationToken));
            var minimum = await context.ThresholdAsync(this, MinimumIncidents, force, cancellationToken);
            var incidents = await db.Incidents.Where(i => i.ForceId == force && i.RecordedAt > from && i.RecordedAt <= to
                    && (i.Domestic || RiskFacts.Domestic.Contains(i.Relationship)))
                .Select(i => new { i.Id, i.RecordedAt }).ToListAsync(cancellationToken);
            foreach (var incident in incidents)
            {
                foreach (var victim in (await context.IncidentAsync(incident.Id, cancellationToken))?.Parties.Where(p => p.Role == PartyRole.Victim) ?? [])
                {
                    var since = incident.RecordedAt - windowDays;
                    var count = await db.Incidents.WithParty(db, victim.RecordIds, PartyRole.Victim)
                        .CountAsync(i => i.RecordedAt > since && i.RecordedAt <= incident.RecordedAt, cancellationToken);
                    if (count >= minimum)
                    {
                        met.Add(new Met(force, victim.RecordIds[0], incident.RecordedAt, "Alert.Marac.Incidents", count.ToString(CultureInfo.InvariantCulture),
                            (AlertEvidenceKind.Incident, incident.Id), incident.Id, null));
                    }
                }
            }

            foreach (var m in met)
            {
                var victim = await RiskFacts.PersonAsync(db, m.VictimRecordId, PartyRole.Victim, cancellationToken);
                var since = m.At - windowDays;
                var referred = await db.Referrals.AnyAsync(r => r.To == ReferralTarget.MARAC && victim.RecordIds.Contains(r.PersonRecordId)
                    && r.RecordedAt >= since && r.RecordedAt <= context.Now, cancellationToken);
                if (referred)
                {
                    continue;
                }
                var (team, officer) = await RiskFacts.OwnerAsync(db, m.IncidentId, m.CaseId, cancellationToken);
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    force,
                    $"marac:{victim.Key}",
                    [m.Evidence, .. victim.RecordIds.Select(id => (AlertEvidenceKind.PersonRecord, id))],
                    m.Criterion,
                    [victim.Reference, m.Detail, wait.TotalDays.ToString(CultureInfo.InvariantCulture)],
                    Roles.Investigator,
                    team,
                    officer));
            }
        }
    }
}
