using Microsoft.EntityFrameworkCore;
using Vigil.Features.Evidence;
using Vigil.Features.Incidents;
using Vigil.Features.Offences;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>consider-s4a</c>: stalking recorded as s2A, or a course of conduct not yet decided as stalking, where the
/// incidents already show what s4A needs — fear of violence on two or more occasions, threats of violence, or
/// serious alarm or distress with a substantial adverse effect on day-to-day life (changed routine) — or where the
/// victim's own account does: impact evidence describing fear of violence on two or more occasions or serious alarm
/// or distress with a substantial adverse effect, or a victim impact statement held. The reviews found s4A evidence
/// never gathered and cases undercharged.
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
            var impact = await ImpactAsync(context, pair, fearOccasions, cancellationToken);
            if (fear < fearOccasions && threats == 0 && effect == 0 && impact.Count == 0)
            {
                continue;
            }
            var accounts = impact.Where(i => !i.IsStatement).ToList();
            var messageKey = impact.Count == 0 ? "Alert.ConsiderS4A" : accounts.Count == 0 ? "Alert.ConsiderS4A.ImpactStatement" : "Alert.ConsiderS4A.Impact";
            var described = accounts.SelectMany(a => a.Effects()).Where(e => e is ImpactEffect.FearOfViolence or ImpactEffect.SeriousAlarmOrDistress || ImpactEffects.SubstantialAdverse.Contains(e))
                .Distinct().Order();
            // Impact evidence is not among the kinds an alert can rest on; a case holding it is, so the alert names
            // that case, which also updates an alert the incidents had already raised.
            var cases = impact.Where(i => i.CaseId is not null).Select(i => (AlertEvidenceKind.Case, i.CaseId!.Value));
            context.Report(new RuleFinding(
                RuleId,
                DefaultSeverity,
                incident.ForceId,
                $"pair:{pair.Victim.Key}:{pair.Suspect.Key}",
                [.. pair.Evidence, .. cases],
                messageKey,
                [pair.Suspect.Reference, pair.Victim.Reference, Count(fear), pair.References, Count(threats), Count(effect),
                    string.Join(", ", impact.Select(i => i.Reference)), AlertText.Codes(described)],
                Roles.Investigator,
                incident.TeamId,
                incident.Officer));
        }
    }

    /// <summary>A record of the victim's account that shows what s4A needs, on one of the pair's incidents or a case holding one.</summary>
    private sealed record ImpactRow(bool IsStatement, long Id, long? CaseId, bool Fear, bool Alarm, bool Routine, bool Moved, bool Job, bool Social, bool TimeOff, bool Children)
    {
        public string Reference => IsStatement ? EvidenceApi.Reference(Id) : ImpactEvidence.Reference(Id);

        public IEnumerable<ImpactEffect> Effects()
        {
            (bool, ImpactEffect)[] flags = [(Fear, ImpactEffect.FearOfViolence), (Alarm, ImpactEffect.SeriousAlarmOrDistress), (Routine, ImpactEffect.ChangedRoutine),
                (Moved, ImpactEffect.MovedHome), (Job, ImpactEffect.ChangedJob), (Social, ImpactEffect.StoppedSocialActivities),
                (TimeOff, ImpactEffect.TimeOffWork), (Children, ImpactEffect.ChildrenRoutinesChanged)];
            return flags.Where(f => f.Item1).Select(f => f.Item2);
        }
    }

    /// <summary>
    /// One query per pair (a UNION ALL of impact evidence and impact statements), each side starting from the
    /// incident and case indexes the way the screening check of consider-stalking does: "incident id in (the
    /// pair's)" or "case id in (cases holding them)", never a scan of all impact evidence (SQLite's plan: a multi-index
    /// OR over the IncidentId and CaseId indexes on each side). Only rows that show what s4A needs come back, so the
    /// usual answer is none.
    /// </summary>
    private static async Task<List<ImpactRow>> ImpactAsync(RuleContext context, PairHistory pair, int fearOccasions, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var ids = pair.Incidents.Select(i => i.Id).ToList();
        var caseIds = db.CaseIncidents.Where(c => ids.Contains(c.IncidentId)).Select(c => c.CaseId);
        var accounts = db.ImpactEvidence
            .Where(e => (e.IncidentId != null && ids.Contains(e.IncidentId.Value)) || (e.CaseId != null && caseIds.Contains(e.CaseId.Value)))
            .Where(e => (e.FearOfViolence && e.FearOccasions >= fearOccasions)
                || (e.SeriousAlarmOrDistress && (e.ChangedRoutine || e.MovedHome || e.ChangedJob || e.StoppedSocialActivities || e.TimeOffWork || e.ChildrenRoutinesChanged)))
            .Select(e => new
            {
                IsStatement = false,
                e.Id,
                e.CaseId,
                Fear = e.FearOfViolence && e.FearOccasions >= fearOccasions,
                Alarm = e.SeriousAlarmOrDistress,
                Routine = e.ChangedRoutine,
                Moved = e.MovedHome,
                Job = e.ChangedJob,
                Social = e.StoppedSocialActivities,
                TimeOff = e.TimeOffWork,
                Children = e.ChildrenRoutinesChanged,
            });
        var statements = db.EvidenceItems
            .Where(e => (e.IncidentId != null && ids.Contains(e.IncidentId.Value)) || (e.CaseId != null && caseIds.Contains(e.CaseId.Value)))
            .Where(e => e.Kind == EvidenceKind.ImpactStatement && (e.Status == EvidenceStatus.Available || e.Status == EvidenceStatus.Secured))
            .Select(e => new
            {
                IsStatement = true,
                e.Id,
                e.CaseId,
                Fear = false,
                Alarm = false,
                Routine = false,
                Moved = false,
                Job = false,
                Social = false,
                TimeOff = false,
                Children = false,
            });
        // Projected to an anonymous type, not to ImpactRow: EF translates a set operation of the first, not of a constructor call.
        var rows = await accounts.Concat(statements).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ImpactRow(r.IsStatement, r.Id, r.CaseId, r.Fear, r.Alarm, r.Routine, r.Moved, r.Job, r.Social, r.TimeOff, r.Children))
            .OrderBy(r => r.IsStatement).ThenBy(r => r.Id)];
    }
}
