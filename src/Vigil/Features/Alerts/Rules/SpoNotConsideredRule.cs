using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Considerations;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>spo-not-considered</c>: two weeks after a stalking crime was recorded — an incident recorded as a crime of
/// s2A or s4A stalking, or a case decided as one — nobody has recorded considering a Stalking Protection Order
/// (or an interim one) for that suspect, and none has been sought. The reviews found SPOs not considered early.
/// </summary>
public sealed class SpoNotConsideredRule : IRule
{
    public const string RuleId = "spo-not-considered";
    public static readonly RuleThreshold Days = new("days", 14, 1, 90);

    private static readonly ConsiderationKind[] Spo = [ConsiderationKind.SPO, ConsiderationKind.InterimSPO];
    private static readonly OrderType[] SpoOrders = [OrderType.SPO, OrderType.InterimSPO];

    public IReadOnlyList<RuleThreshold> Thresholds => [Days];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        var db = context.Db;
        var stalking = Classifications.Stalking.ToArray();
        foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            var days = TimeSpan.FromDays(await context.ThresholdAsync(this, Days, force, cancellationToken));
            var from = interval.From - days;
            var to = interval.To - days;
            // Stalking crimes recorded in the interval's past: incidents, and cases decided as stalking.
            var incidents = await db.Incidents.Where(i => i.ForceId == force && i.RecordedAt > from && i.RecordedAt <= to && i.RecordedAsCrime && stalking.Contains(i.Classification))
                .Select(i => i.Id).ToListAsync(cancellationToken);
            var decided = await db.OffenceDecisions.Where(d => d.DecidedAt > from && d.DecidedAt <= to && stalking.Contains(d.Offence) && db.Cases.Any(c => c.Id == d.CaseId && c.ForceId == force))
                .Select(d => d.CaseId).Distinct().ToListAsync(cancellationToken);
            var crimes = incidents.Select(i => (Incidents: (IReadOnlyList<long>)[i], Case: (long?)null)).ToList();
            foreach (var caseId in decided)
            {
                crimes.Add((await db.CaseIncidents.Where(c => c.CaseId == caseId).Select(c => c.IncidentId).ToListAsync(cancellationToken), caseId));
            }
            foreach (var (crimeIncidents, caseId) in crimes)
            {
                var cases = await db.CaseIncidents.Where(c => crimeIncidents.Contains(c.IncidentId)).Select(c => c.CaseId).ToListAsync(cancellationToken);
                if (caseId is { } c0)
                {
                    cases.Add(c0);
                }
                var considered = await db.Considerations.AnyAsync(c => Spo.Contains(c.What)
                    && ((c.IncidentId != null && crimeIncidents.Contains(c.IncidentId.Value)) || (c.CaseId != null && cases.Contains(c.CaseId.Value))), cancellationToken);
                if (considered)
                {
                    continue;
                }
                foreach (var incidentId in crimeIncidents.Take(1))
                {
                    if (await context.IncidentAsync(incidentId, cancellationToken) is not { } incident)
                    {
                        continue;
                    }
                    foreach (var suspect in incident.Parties.Where(p => p.Role == PartyRole.Suspect))
                    {
                        if (await db.Orders.AnyAsync(o => SpoOrders.Contains(o.OrderType) && suspect.RecordIds.Contains(o.SubjectId), cancellationToken))
                        {
                            continue;
                        }
                        context.Report(new RuleFinding(
                            RuleId,
                            DefaultSeverity,
                            force,
                            $"spo:{suspect.Key}",
                            [.. crimeIncidents.Select(i => (AlertEvidenceKind.Incident, i)), .. caseId is { } cc ? new[] { (AlertEvidenceKind.Case, cc) } : [],
                                .. suspect.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
                            "Alert.SpoNotConsidered",
                            [suspect.Reference, caseId is { } x ? Cases.Case.Reference(x) : Incident.Reference(incidentId), days.TotalDays.ToString(CultureInfo.InvariantCulture)],
                            Roles.Investigator,
                            incident.TeamId,
                            incident.Officer));
                    }
                }
            }
        }
    }
}
