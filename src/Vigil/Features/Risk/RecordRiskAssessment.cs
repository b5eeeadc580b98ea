using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Risk;

public sealed record RecordRiskAssessmentRequest(
    long? VictimId, long? IncidentId, long? CaseId, string? Tool, Dictionary<string, bool>? Answers,
    string? Grade, string? Rationale, string? By);

/// <summary>
/// Records a risk assessment of a victim. Assessments are never overwritten: reassessing adds a row, so the
/// history shows what was known and graded at each point.
/// </summary>
public sealed class RecordRiskAssessmentHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordRiskAssessmentRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordRiskAssessmentRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (target, refused) = await RecordTarget.FindAsync(db, user, request.IncidentId, request.CaseId, errors, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        await RecordTarget.CheckPersonAsync(db, request.VictimId, "victimId", errors, cancellationToken);
        var tool = CaseRecordInput.Required<RiskTool>(request.Tool, "tool", errors);
        var answers = errors.Has("tool") ? [] : RiskAnswers.Parse(request.Answers, tool, "answers", errors);
        var grade = CaseRecordInput.Optional<RiskGrade>(request.Grade, "grade", errors);
        var rationale = CaseRecordInput.Text(request.Rationale, CaseRecordLimits.Rationale, "rationale", errors);
        var by = CaseRecordInput.By(request.By, user, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var assessment = writer.Stamp(new RiskAssessment
        {
            VictimId = request.VictimId!.Value,
            Tool = tool,
            Answers = answers,
            Grade = grade,
            Rationale = rationale,
        }, target!, by);
        return await writer.SaveAsync(assessment, target!, AuditEntities.RiskAssessment, RiskAssessment.Reference, cancellationToken);
    }
}
