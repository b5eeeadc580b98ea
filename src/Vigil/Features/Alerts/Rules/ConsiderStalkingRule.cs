using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>consider-stalking</c>: a suspect's course of conduct towards one victim (two or more incidents) is recorded
/// as something other than stalking — harassment, malicious communications, criminal damage, a neighbour dispute,
/// a civil matter, non-crime — while stalking behaviours are present, or the two are ex-partners. The reviews
/// found stalking misrecorded this way again and again: "think stalking first, and record why not".
/// </summary>
public sealed class ConsiderStalkingRule : IRule
{
    public const string RuleId = "consider-stalking";
    public static readonly RuleThreshold MinimumIncidents = new("minimumIncidents", 2, 2, 20);

    public IReadOnlyList<RuleThreshold> Thresholds => [MinimumIncidents];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var (incident, pair) in await context.PairsAsync(cancellationToken))
        {
            if (pair.Incidents.Count < await context.ThresholdAsync(this, MinimumIncidents, incident.ForceId, cancellationToken) || pair.RecordedAsStalking)
            {
                continue;
            }
            var behaviours = pair.Incidents.SelectMany(i => i.Behaviours).Where(Behaviours.Stalking.Contains).Distinct().Order().ToList();
            var exPartners = pair.Incidents.Any(i => i.Relationship == Relationship.ExPartner);
            // FOUR answered "yes" on all four (fixated, obsessive, unwanted, repeated) in a screening of any of the
            // pair's incidents or of a case holding them: the officer's own screening says stalking.
            var ids = pair.Incidents.Select(i => i.Id).ToList();
            var caseIds = context.Db.CaseIncidents.Where(c => ids.Contains(c.IncidentId)).Select(c => c.CaseId);
            var fourYes = await context.Db.Screenings.AnyAsync(s => (s.IncidentId != null && ids.Contains(s.IncidentId.Value) || s.CaseId != null && caseIds.Contains(s.CaseId.Value))
                && s.Fixated == true && s.Obsessive == true && s.Unwanted == true && s.Repeated == true, cancellationToken);
            if (behaviours.Count == 0 && !exPartners && !fourYes)
            {
                continue;
            }
            var recordedAs = pair.AllClassifications.Distinct().Order();
            context.Report(new RuleFinding(
                RuleId,
                DefaultSeverity,
                incident.ForceId,
                $"pair:{pair.Victim.Key}:{pair.Suspect.Key}",
                pair.Evidence,
                behaviours.Count > 0 ? "Alert.ConsiderStalking" : fourYes ? "Alert.ConsiderStalking.FourYes" : "Alert.ConsiderStalking.ExPartner",
                [pair.Suspect.Reference, pair.Victim.Reference, pair.Incidents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    AlertText.Codes(recordedAs), AlertText.Codes(behaviours), pair.References],
                Roles.Investigator,
                incident.TeamId,
                incident.Officer));
        }
    }
}
