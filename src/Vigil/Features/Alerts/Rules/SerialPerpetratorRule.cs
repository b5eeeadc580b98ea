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
                // A breach of an order protecting someone other than this incident's victim: prior stalking of
                // another person, proved by the breach, even if that history was never recorded as an incident here.
                var records = suspect.RecordIds.ToList();
                var currentVictims = incident.Parties.Where(p => p.Role == PartyRole.Victim).SelectMany(p => p.RecordIds).ToList();
                // Through the subject index to the suspect's orders, then the breaches of those orders by their index.
                var theirOrders = await context.Db.Orders.Where(o => records.Contains(o.SubjectId)).Select(o => o.Id).ToListAsync(cancellationToken);
                var otherVictimBreaches = theirOrders.Count == 0 ? [] : await context.Db.Breaches.AsNoTracking()
                    .Where(b => theirOrders.Contains(b.OrderId) && b.Order!.Protected.Any(p => !currentVictims.Contains(p.PersonRecordId)))
                    .OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken);
                if (victims.Count < await context.ThresholdAsync(this, MinimumVictims, incident.ForceId, cancellationToken) && otherVictimBreaches.Count == 0)
                {
                    continue;
                }
                var incidents = rows.Select(r => r.IncidentId).Concat(otherVictimBreaches.Count > 0 ? [incident.Id] : []).Distinct().Order().ToList();
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    incident.ForceId,
                    $"suspect:{suspect.Key}",
                    [.. incidents.Select(id => (AlertEvidenceKind.Incident, id)), .. otherVictimBreaches.Select(id => (AlertEvidenceKind.Breach, id)),
                        .. suspect.RecordIds.Select(id => (AlertEvidenceKind.PersonRecord, id))],
                    otherVictimBreaches.Count == 0 ? "Alert.SerialPerpetrator" : "Alert.SerialPerpetrator.Breach",
                    [suspect.Reference, victims.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", incidents.Select(Incident.Reference)),
                        string.Join(", ", otherVictimBreaches.Select(Orders.Breach.Reference))],
                    Roles.StalkingSpoc,
                    incident.TeamId,
                    incident.Officer));
            }
        }
    }
}
