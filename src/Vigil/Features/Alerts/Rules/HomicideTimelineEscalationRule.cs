using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>homicide-timeline-escalation</c>: a domestic stalking case shows a trigger that threatens the suspect's
/// control (separation) followed by escalation (threats to kill, suicide threats, strangulation, violence, a
/// course of stalking) or planning (weapons, tracking) — stages 4 to 7 of the eight-stage homicide timeline
/// (domain reference §4.5). The trigger and escalation may come from the incidents or from risk-assessment
/// answers. Critical: the IOPC cases show this pattern before murders.
/// </summary>
public sealed class HomicideTimelineEscalationRule : IRule
{
    public const string RuleId = "homicide-timeline-escalation";

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Critical;

    private static readonly HashSet<Behaviour> Escalation =
    [
        Behaviour.ThreatToKill, Behaviour.SuicideThreats, Behaviour.Strangulation, Behaviour.Weapon, Behaviour.TrackingDevice, Behaviour.Violence,
    ];

    /// <summary>Separation, in the DASH (dash06) or as the homicide-timeline trigger stage (ht4).</summary>
    private static readonly string[] TriggerAnswers = ["dash06", "ht4"];

    /// <summary>Abuse more often or worse, threats to kill, strangulation, suicide threats; escalation, change in thinking, planning stages.</summary>
    private static readonly string[] EscalationAnswers = ["dash13", "dash14", "dash17", "dash18", "dash25", "ht5", "ht6", "ht7"];

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var (incident, pair) in await context.PairsAsync(cancellationToken))
        {
            var domestic = pair.Incidents.Any(i => i.Domestic || RiskFacts.Domestic.Contains(i.Relationship));
            if (!domestic)
            {
                continue;
            }
            // The victim's latest completed answers for each tool: what the assessments say now.
            var answers = (await RiskFacts.Completed(context.Db).Where(r => pair.Victim.RecordIds.Contains(r.VictimId))
                    .OrderByDescending(r => r.CompletedAt).Select(r => new { r.Id, r.Tool, r.Answers }).ToListAsync(cancellationToken))
                .GroupBy(r => r.Tool).Select(g => g.First()).ToList();
            bool Yes(string id) => answers.Any(a => a.Answers.TryGetValue(id, out var yes) && yes);

            var separated = pair.Incidents.Any(i => i.Relationship == Relationship.ExPartner) || TriggerAnswers.Any(Yes);
            if (!separated)
            {
                continue;
            }
            var behaviours = pair.Incidents.SelectMany(i => i.Behaviours).Where(Escalation.Contains).Distinct().Order().ToList();
            var stalkingIncidents = pair.Incidents.Count(i => i.Behaviours.Any(Behaviours.Stalking.Contains));
            var answered = EscalationAnswers.Where(Yes).ToList();
            if (behaviours.Count == 0 && stalkingIncidents < 2 && answered.Count == 0)
            {
                continue;
            }
            context.Report(new RuleFinding(
                RuleId,
                DefaultSeverity,
                incident.ForceId,
                $"homicide:{pair.Victim.Key}:{pair.Suspect.Key}",
                [.. pair.Evidence, .. answers.Where(a => EscalationAnswers.Concat(TriggerAnswers).Any(q => a.Answers.GetValueOrDefault(q))).Select(a => (AlertEvidenceKind.RiskAssessment, a.Id))],
                "Alert.HomicideTimelineEscalation",
                [pair.Suspect.Reference, pair.Victim.Reference, AlertText.Codes(behaviours), stalkingIncidents.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    AlertText.Codes("RiskQuestion", answered), pair.References],
                Roles.Supervisor,
                incident.TeamId,
                incident.Officer));
        }
    }
}
