using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Features.Risk;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>risk-grade-inconsistent</c>: the grade that stands is below what the answers and records indicate — the
/// DASH answers reach the force's high band (14 "yes" by default) but the grade is not high; or the grade is
/// standard while a red flag is present (threat to kill, strangulation, weapon, violence in this episode, visits
/// more than three times a week, recent separation with stalking), in the answers or in the victim's incidents.
/// Routed to the supervisor: the reviews found "few risk indicators, no violence" graded standard.
/// </summary>
public sealed class RiskGradeInconsistentRule : IRule
{
    public const string RuleId = "risk-grade-inconsistent";
    public static readonly RuleThreshold LookBackDays = new("lookBackDays", 365, 7, 1_095);

    public IReadOnlyList<RuleThreshold> Thresholds => [LookBackDays];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.High;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var id in context.Trigger.RecordsOf(AuditEntities.RiskAssessment).Distinct())
        {
            var assessment = await RiskFacts.Completed(context.Db).Include(r => r.Reviews).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (assessment?.EffectiveGrade is not { } grade || grade == RiskGrade.High)
            {
                continue;
            }
            var reference = await RiskReference.ForForceAsync(context.Db, assessment.ForceId, cancellationToken);
            var victim = await RiskFacts.PersonAsync(context.Db, assessment.VictimId, PartyRole.Victim, cancellationToken);
            var evidence = new List<(AlertEvidenceKind, long)> { (AlertEvidenceKind.RiskAssessment, assessment.Id) };
            string messageKey;
            List<string> arguments;
            var yes = assessment.YesCount;
            if (assessment.Tool == RiskTool.DASH && yes >= reference.HighBand)
            {
                messageKey = "Alert.RiskGradeInconsistent.Band";
                arguments = [RiskAssessment.Reference(assessment.Id), victim.Reference, grade.ToString(), yes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    reference.HighBand.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            }
            else if (grade == RiskGrade.Standard)
            {
                var flags = reference.RedFlagsIn(assessment.Answers).SelectMany(f => f.Split('+')).Distinct().ToList();
                var since = (assessment.CompletedAt ?? context.Now) - TimeSpan.FromDays(await context.ThresholdAsync(this, LookBackDays, assessment.ForceId, cancellationToken));
                var targets = await Cases.RecordTarget.IncidentIdsAsync(context.Db, assessment.IncidentId, assessment.CaseId, cancellationToken);
                var incidents = await context.Db.Incidents.Where(i => targets.Contains(i.Id)
                        || (i.RecordedAt >= since && i.RecordedAt <= context.Now && context.Db.IncidentParties.Where(p => p.Role == PartyRole.Victim && victim.RecordIds.Contains(p.PersonRecordId)).Select(p => p.IncidentId).Contains(i.Id)))
                    .Select(i => new { i.Id, i.Behaviours, i.Relationship }).ToListAsync(cancellationToken);
                var serious = incidents.SelectMany(i => i.Behaviours).Where(RiskFacts.Serious.Contains).Distinct().Order().ToList();
                var separatedWithStalking = incidents.Any(i => i.Relationship == Relationship.ExPartner) && incidents.Any(i => i.Behaviours.Any(Behaviours.Stalking.Contains));
                if (flags.Count == 0 && serious.Count == 0 && !separatedWithStalking)
                {
                    continue;
                }
                evidence.AddRange(incidents.Where(i => i.Behaviours.Any(RiskFacts.Serious.Contains) || separatedWithStalking).Select(i => (AlertEvidenceKind.Incident, i.Id)));
                messageKey = separatedWithStalking && flags.Count == 0 && serious.Count == 0 ? "Alert.RiskGradeInconsistent.Separation" : "Alert.RiskGradeInconsistent.RedFlags";
                arguments = [RiskAssessment.Reference(assessment.Id), victim.Reference, AlertText.Codes("RiskQuestion", flags), AlertText.Codes(serious)];
            }
            else
            {
                continue;
            }
            var (team, _) = await RiskFacts.OwnerAsync(context.Db, assessment.IncidentId, assessment.CaseId, cancellationToken);
            context.Report(new RuleFinding(
                RuleId,
                DefaultSeverity,
                assessment.ForceId,
                $"grade:{assessment.Id}",
                [.. evidence, .. victim.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
                messageKey,
                arguments,
                Roles.Supervisor,
                team));
        }
    }
}
