using Vigil.Features.Incidents;

namespace Vigil.Features.Risk;

/// <summary>An answer Vigil suggests from what is recorded, with the records it comes from.</summary>
public sealed record SuggestedAnswer(string QuestionId, IReadOnlyList<string> Sources);

/// <summary>
/// Pre-fills the risk questions from what linked incidents, orders and breaches already record. Only "yes" is
/// ever suggested: that nothing is recorded is not evidence that it did not happen. Each suggestion names its
/// records, so the officer can check it with the victim rather than take it on trust.
/// </summary>
public static class RiskPrefill
{
    private static readonly Behaviour[] Violence = [Behaviour.Violence, Behaviour.Strangulation];
    private static readonly Behaviour[] Threats = [Behaviour.ThreatsOfViolence, Behaviour.ThreatToKill, Behaviour.SexualViolence];

    public static List<SuggestedAnswer> Suggest(RiskPicture picture, RiskTool tool)
    {
        var all = picture.Incidents;
        // "This episode": the incidents the assessment is about; with none named, the latest incident.
        var episode = all.Where(i => i.Target).ToList() is { Count: > 0 } targets ? targets : all.TakeLast(1).ToList();
        var suggestions = new List<SuggestedAnswer>();

        void From(string question, IEnumerable<RiskPicture.IncidentSeen> incidents)
        {
            var sources = incidents.Select(i => $"{i.Reference} ({i.ForceCode})").Distinct().ToList();
            if (sources.Count > 0)
            {
                suggestions.Add(new SuggestedAnswer(question, sources));
            }
        }

        IEnumerable<RiskPicture.IncidentSeen> With(IEnumerable<RiskPicture.IncidentSeen> incidents, params Behaviour[] behaviours) =>
            incidents.Where(i => i.Behaviours.Any(behaviours.Contains));

        var breaches = picture.Breaches.Select(b => $"{b.Reference} ({b.ForceCode})").ToList();
        var stalking = all.Where(i => i.Behaviours.Any(Behaviours.Stalking.Contains));
        var separated = all.Where(i => i.Relationship == Relationship.ExPartner);
        switch (tool)
        {
            case RiskTool.DASH:
                From("dash01", With(episode, Violence));
                From("dash02", all.Where(i => i.FearOfViolence));
                From("dash06", separated);
                From("dash08", stalking);
                From("dash16", With(all, Behaviour.Weapon));
                From("dash17", With(all, Behaviour.ThreatToKill));
                From("dash18", With(all, Behaviour.Strangulation));
                From("dash19", With(all, Behaviour.SexualViolence));
                From("dash25", With(all, Behaviour.SuicideThreats));
                if (breaches.Count > 0)
                {
                    suggestions.Add(new SuggestedAnswer("dash26", breaches));
                }
                From("dash27", picture.SuspectsOtherIncidents.Where(i => i.RecordedAsCrime));
                break;
            case RiskTool.Stalking:
                From("st01", all.Where(i => i.FearOfViolence));
                From("st02", picture.SuspectsOtherIncidents.Concat(all.Count >= 2 ? all : []));
                From("st03", With(all, Behaviour.Damage, Behaviour.InterferingWithProperty));
                From("st05", With(all, Behaviour.Loitering, Behaviour.Watching));
                From("st06", With(all, Threats));
                From("st07", With(all, Behaviour.ThirdPartyContact));
                From("st08", With(episode, Violence));
                From("st11", With(picture.SuspectsOtherIncidents.Concat(all), Behaviour.Violence, Behaviour.Strangulation, Behaviour.Weapon));
                break;
            default:
                From("ht1", all.Count >= 2 ? all.SkipLast(1) : []);
                From("ht4", separated);
                From("ht5", With(all, Behaviour.SuicideThreats, Behaviour.ThreatToKill).Concat(all.Count(i => i.Behaviours.Any(Behaviours.Stalking.Contains)) >= 2 ? stalking : []));
                From("ht7", With(all, Behaviour.Weapon, Behaviour.TrackingDevice));
                break;
        }
        return suggestions;
    }
}
