using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>consider-s4a</c>: stalking recorded as s2A, or a course of conduct not yet decided as stalking, where the
/// incidents already show what s4A needs — fear of violence on two or more occasions, threats of violence, or
/// serious alarm or distress with a substantial adverse effect on day-to-day life (changed routine). The reviews
/// found s4A evidence never gathered and cases undercharged.
/// </summary>
public sealed class ConsiderS4ARule : IRule
{
    public const string RuleId = "consider-s4a";
    public static readonly RuleThreshold FearOccasions = new("fearOccasions", 2, 2, 10);

    public IReadOnlyList<RuleThreshold> Thresholds => [FearOccasions];

    private static readonly HashSet<Behaviour> Threats = [Behaviour.ThreatsOfViolence, Behaviour.ThreatToKill];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var (incident, pair) in await context.PairsAsync(cancellationToken))
        {
            var fearOccasions = await context.ThresholdAsync(this, FearOccasions, incident.ForceId, cancellationToken);
            var classifications = pair.AllClassifications.ToHashSet();
            if (classifications.Contains(Classification.StalkingS4A))
            {
                continue;
            }
            // "Considered as s2A or not yet decided": s2A recorded, or a course of conduct nobody has called stalking yet.
            var inScope = classifications.Contains(Classification.StalkingS2A) || pair.Incidents.Count >= 2;
            if (!inScope)
            {
                continue;
            }
            var fear = pair.Incidents.Count(i => i.FearOfViolence);
            var threats = pair.Incidents.Count(i => i.Behaviours.Any(Threats.Contains));
            var effect = pair.Incidents.Count(i => i.SeriousAlarmOrDistress && i.ChangedRoutine);
            if (fear < fearOccasions && threats == 0 && effect == 0)
            {
                continue;
            }
            context.Report(new RuleFinding(
                RuleId,
                DefaultSeverity,
                incident.ForceId,
                $"pair:{pair.Victim.Key}:{pair.Suspect.Key}",
                pair.Evidence,
                "Alert.ConsiderS4A",
                [pair.Suspect.Reference, pair.Victim.Reference, Count(fear), pair.References, Count(threats), Count(effect)],
                Roles.Investigator,
                incident.TeamId,
                incident.Officer));
        }
    }
}
