using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>repeat-victim</c>: a victim (resolved identity) in three or more incidents recorded in the last twelve months,
/// in any force and against anyone — the MARAC "potential escalation" criterion.
/// </summary>
public sealed class RepeatVictimRule : IRule
{
    public const string RuleId = "repeat-victim";
    public static readonly RuleThreshold MinimumIncidents = new("minimumIncidents", 3, 2, 50);
    public static readonly RuleThreshold WindowDays = new("windowDays", 365, 7, 1_095);

    public IReadOnlyList<RuleThreshold> Thresholds => [MinimumIncidents, WindowDays];

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
            var since = context.Now - TimeSpan.FromDays(await context.ThresholdAsync(this, WindowDays, incident.ForceId, cancellationToken));
            var minimum = await context.ThresholdAsync(this, MinimumIncidents, incident.ForceId, cancellationToken);
            foreach (var victim in incident.Parties.Where(p => p.Role == PartyRole.Victim))
            {
                var recent = await context.Db.Incidents.WithParty(context.Db, victim.RecordIds, PartyRole.Victim)
                    .Where(i => i.RecordedAt >= since).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
                if (recent.Count < minimum)
                {
                    continue;
                }
                context.Report(new RuleFinding(
                    RuleId,
                    DefaultSeverity,
                    incident.ForceId,
                    $"victim:{victim.Key}",
                    [.. recent.Select(id => (AlertEvidenceKind.Incident, id)), .. victim.RecordIds.Select(id => (AlertEvidenceKind.PersonRecord, id))],
                    "Alert.RepeatVictim",
                    [victim.Reference, recent.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", recent.Select(Incident.Reference))],
                    Roles.Supervisor,
                    incident.TeamId,
                    incident.Officer));
            }
        }
    }
}
