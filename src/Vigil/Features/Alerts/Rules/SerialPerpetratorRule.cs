using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>serial-perpetrator</c>: a suspect (resolved identity) linked to stalking or harassment of two or more
/// different victims, at any time, in any force. The reviews found prior stalking of other women never checked.
/// (Breaches of orders protecting a previous victim join this rule when orders are recorded.)
/// </summary>
public sealed class SerialPerpetratorRule : IRule
{
    public const string RuleId = "serial-perpetrator";
    public static readonly RuleThreshold MinimumVictims = new("minimumVictims", 2, 2, 20);

    public IReadOnlyList<RuleThreshold> Thresholds => [MinimumVictims];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var group = Classifications.StalkingOrHarassment.ToList();
        foreach (var incidentId in context.Trigger.IncidentIds)
        {
            if (await context.IncidentAsync(incidentId, cancellationToken) is not { } incident)
            {
                continue;
            }
            foreach (var suspect in incident.Parties.Where(p => p.Role == PartyRole.Suspect).DistinctBy(p => p.Key))
            {
                // Included classifications count too (stalking inside a criminal damage record); they are a list
                // column, so the filter runs here rather than in SQL, over this one suspect's incidents.
                var theirs = await context.Db.Incidents.WithParty(context.Db, suspect.RecordIds, PartyRole.Suspect)
                    .Select(i => new { i.Id, i.Classification, i.IncludedClassifications }).ToListAsync(cancellationToken);
                var inGroup = theirs.Where(i => group.Contains(i.Classification) || i.IncludedClassifications.Any(group.Contains)).Select(i => i.Id).ToList();
                var rows = await context.Db.IncidentParties.Where(p => p.Role == PartyRole.Victim && inGroup.Contains(p.IncidentId))
                    .Select(p => new { p.IncidentId, Victim = p.PersonRecord!.PersonId ?? -p.PersonRecordId })
                    .ToListAsync(cancellationToken);
                var victims = rows.Select(r => r.Victim).Distinct().ToList();
                if (victims.Count < await context.ThresholdAsync(this, MinimumVictims, incident.ForceId, cancellationToken))
                {
                    continue;
                }
                var incidents = rows.Select(r => r.IncidentId).Distinct().Order().ToList();
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    incident.ForceId,
                    $"suspect:{suspect.Key}",
                    [.. incidents.Select(id => (AlertEvidenceKind.Incident, id)), .. suspect.RecordIds.Select(id => (AlertEvidenceKind.PersonRecord, id))],
                    "Alert.SerialPerpetrator",
                    [suspect.Reference, victims.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", incidents.Select(Incident.Reference))],
                    Roles.StalkingSpoc,
                    incident.TeamId,
                    incident.Officer));
            }
        }
    }
}
