using Microsoft.EntityFrameworkCore;
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
    public static readonly RuleThreshold MinimumIncidents = new("minimumIncidents", 2, 2, 20);

    public IReadOnlyList<RuleThreshold> Thresholds => [MinimumIncidents];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var (incident, pair) in await context.PairsAsync(cancellationToken))
        {
            if (pair.Incidents.Count < await context.ThresholdAsync(this, MinimumIncidents, incident.ForceId, cancellationToken))
            {
                continue;
            }
            var ids = pair.Incidents.Select(i => i.Id).ToList();
            var largestCase = await context.Db.CaseIncidents.Where(c => ids.Contains(c.IncidentId))
                .GroupBy(c => c.CaseId).Select(g => g.Count()).OrderByDescending(n => n).FirstOrDefaultAsync(cancellationToken);
            if (largestCase == ids.Count)
            {
                continue;
            }
            var forces = pair.Incidents.Select(i => i.ForceCode).Distinct().Order(StringComparer.Ordinal).ToList();
            context.Report(new RuleFinding(
                RuleId,
                forces.Count > 1 ? AlertSeverity.High : DefaultSeverity,
                incident.ForceId,
                $"pair:{pair.Victim.Key}:{pair.Suspect.Key}",
                pair.Evidence,
                "Alert.CourseOfConduct",
                [ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), pair.Suspect.Reference, pair.Victim.Reference, pair.References, string.Join(", ", forces)],
                Roles.Supervisor,
                incident.TeamId,
                incident.Officer));
        }
    }
}
