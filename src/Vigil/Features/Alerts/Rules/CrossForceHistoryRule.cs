using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>cross-force-history</c>: someone in a newly recorded incident has incidents held by another force. Forces
/// could not see each other's non-crime reports; this tells the recording force, naming the records, so it asks.
/// (Orders and breaches held elsewhere raise it to high once they are recorded in Vigil.)
/// </summary>
public sealed class CrossForceHistoryRule : IRule
{
    public const string RuleId = "cross-force-history";

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var incidentId in context.Trigger.IncidentIds)
        {
            if (await context.IncidentAsync(incidentId, cancellationToken) is not { } incident)
            {
                continue;
            }
            foreach (var party in incident.Parties.DistinctBy(p => p.Key))
            {
                var elsewhere = await context.Db.Incidents.WithAnyParty(context.Db, party.RecordIds).Where(i => i.ForceId != incident.ForceId)
                    .OrderBy(i => i.Id).Select(i => new { i.Id, ForceCode = i.Force!.Code }).ToListAsync(cancellationToken);
                if (elsewhere.Count == 0)
                {
                    continue;
                }
                var forces = elsewhere.Select(i => i.ForceCode).Distinct().Order(StringComparer.Ordinal).ToList();
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    incident.ForceId,
                    $"person:{party.Key}",
                    [(AlertEvidenceKind.Incident, incident.Id), .. elsewhere.Select(i => (AlertEvidenceKind.Incident, i.Id)), .. party.RecordIds.Select(id => (AlertEvidenceKind.PersonRecord, id))],
                    "Alert.CrossForceHistory",
                    [party.Reference, Incident.Reference(incident.Id), elsewhere.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        string.Join(", ", forces), string.Join(", ", elsewhere.Select(i => Incident.Reference(i.Id)))],
                    Roles.Investigator,
                    incident.TeamId,
                    incident.Officer));
            }
        }
    }
}
