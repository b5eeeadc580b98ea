using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;

namespace Vigil.Features.Risk;

public sealed record RiskAssessmentView(
    CaseRecordHeader Record, long VictimId, string Tool, IReadOnlyDictionary<string, bool> Answers, int YesCount, string? Grade, string? Rationale);

public static class RiskApi
{
    public static RouteGroupBuilder MapRiskApi(this RouteGroupBuilder api) =>
        api.MapRecord<RecordRiskAssessmentRequest, RecordRiskAssessmentHandler, RiskAssessment, RiskAssessmentView>(
            "risk-assessments", "Risk", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record a risk assessment of a victim (DASH-style, stalking questions or homicide timeline)", "A risk assessment",
            AuditEntities.RiskAssessment, db => db.RiskAssessments,
            r => new RiskAssessmentView(CaseRecordHeader.Of(r, RiskAssessment.Reference(r.Id)), r.VictimId, r.Tool.ToString(), r.Answers,
                r.Answers.Count(a => a.Value), r.Grade?.ToString(), r.Rationale));
}
