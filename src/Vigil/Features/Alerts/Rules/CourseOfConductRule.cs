using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>course-of-conduct</c>: the same victim and suspect (resolved identities) in two or more incidents — crime or
/// not, any classification, any force — that are not yet together in one case. The reviews found reports handled
/// one at a time for years; high when the incidents span forces, because then nobody else will see it.
/// </summary>
public sealed class CourseOfConductRule : IRule
{
    public const string RuleId = "course-of-conduct";
    public const int MinimumIncidents = 2;

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var incidentId in context.Trigger.IncidentIds)
        {
            if (await Identities.IncidentAsync(context.Db, incidentId, cancellationToken) is not { } incident)
            {
                continue;
            }
            foreach (var victim in incident.Parties.Where(p => p.Role == PartyRole.Victim))
            {
                foreach (var suspect in incident.Parties.Where(p => p.Role == PartyRole.Suspect && p.Key != victim.Key))
                {
                    var together = await context.Db.Incidents.WithParty(victim.RecordIds, PartyRole.Victim).WithParty(suspect.RecordIds, PartyRole.Suspect)
                        .OrderBy(i => i.Id).Select(i => new { i.Id, i.ForceId, ForceCode = i.Force!.Code }).ToListAsync(cancellationToken);
                    if (together.Count < MinimumIncidents)
                    {
                        continue;
                    }
                    var ids = together.Select(i => i.Id).ToList();
                    var largestCase = await context.Db.CaseIncidents.Where(c => ids.Contains(c.IncidentId))
                        .GroupBy(c => c.CaseId).Select(g => g.Count()).OrderByDescending(n => n).FirstOrDefaultAsync(cancellationToken);
                    if (largestCase == ids.Count)
                    {
                        continue;
                    }
                    var forces = together.Select(i => i.ForceCode).Distinct().Order(StringComparer.Ordinal).ToList();
                    context.Report(new RuleFinding(
                        RuleId,
                        forces.Count > 1 ? AlertSeverity.High : DefaultSeverity,
                        incident.ForceId,
                        $"pair:{victim.Key}:{suspect.Key}",
                        [.. ids.Select(id => (AlertEvidenceKind.Incident, id)), .. victim.RecordIds.Concat(suspect.RecordIds).Select(id => (AlertEvidenceKind.PersonRecord, id))],
                        "Alert.CourseOfConduct",
                        [ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), suspect.Reference, victim.Reference,
                            string.Join(", ", ids.Select(Incident.Reference)), string.Join(", ", forces)],
                        Roles.Supervisor,
                        incident.TeamId,
                        incident.Officer));
                }
            }
        }
    }
}
