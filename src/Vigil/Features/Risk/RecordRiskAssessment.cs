using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Risk;

/// <summary>
/// A new risk assessment. With a grade and its rationale it is complete; with <see cref="Draft"/> set, or no
/// grade yet, it is saved as a draft that counts for nothing until completed.
/// </summary>
public sealed record RecordRiskAssessmentRequest(
    long? VictimId, long? IncidentId, long? CaseId, string? Tool, Dictionary<string, bool>? Answers,
    string? Grade, string? Rationale, string? By, bool? Draft = null);

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
        var draft = request.Draft == true || grade is null;
        if (!draft)
        {
            RiskGrading.CheckGradeHasRationale(grade, rationale, errors);
        }
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
            Status = draft ? RiskAssessmentStatus.Draft : RiskAssessmentStatus.Complete,
        }, target!, by);
        assessment.CompletedAt = draft ? null : assessment.RecordedAt;
        return await writer.SaveAsync(assessment, target!, AuditEntities.RiskAssessment, RiskAssessment.Reference, cancellationToken);
    }
}

/// <summary>
/// Answers, grade and rationale saved into a draft as the officer goes. Answers given are merged into the draft
/// (null clears one: "not known"); <see cref="Version"/> is the one last read, so two saves cannot silently
/// overwrite each other.
/// </summary>
public sealed record SaveRiskDraftRequest(string? Version, Dictionary<string, bool?>? Answers, string? Grade, string? Rationale);

public sealed record RiskDraftSaved(long Id, string Reference, string Version);

/// <summary>Completes a draft: from then on it counts, and it is never changed again.</summary>
public sealed record CompleteRiskAssessmentRequest(string? Version);

/// <summary>A supervisor's review: the grade that should stand and why.</summary>
public sealed record ReviewRiskAssessmentRequest(string? Grade, string? Rationale);

/// <summary>The steps after an assessment is started: saving the draft, completing it, and reviewing it.</summary>
public sealed class RiskAssessmentWorkflow(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, AlertEngine alerts)
{
    public async Task<Outcome<RiskDraftSaved>> SaveDraftAsync(long id, SaveRiskDraftRequest request, CancellationToken cancellationToken)
    {
        var (assessment, refused) = await DraftAsync(id, request.Version, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var errors = new ValidationErrors();
        var answers = RiskAnswers.ParseChanges(request.Answers, assessment!.Tool, "answers", errors);
        var grade = CaseRecordInput.Optional<RiskGrade>(request.Grade, "grade", errors);
        var rationale = CaseRecordInput.Text(request.Rationale, CaseRecordLimits.Rationale, "rationale", errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var merged = new Dictionary<string, bool>(assessment.Answers, StringComparer.Ordinal);
        foreach (var (question, answer) in answers)
        {
            if (answer is { } yes)
            {
                merged[question] = yes;
            }
            else
            {
                merged.Remove(question);
            }
        }
        assessment.Answers = merged;
        assessment.Grade = request.Grade is null ? assessment.Grade : grade;
        assessment.Rationale = request.Rationale is null ? assessment.Rationale : rationale;
        assessment.Version = Guid.NewGuid();
        var saved = await db.RunAsync<bool>(async ct =>
        {
            audit.Add(AuditActions.Update, AuditEntities.RiskAssessment, assessment.Id, detail: "draft saved");
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        return saved.Succeeded ? new RiskDraftSaved(assessment.Id, RiskAssessment.Reference(assessment.Id), assessment.Version.ToString()) : saved.Failure!;
    }

    public async Task<Outcome<RecordCreated>> CompleteAsync(long id, CompleteRiskAssessmentRequest request, CancellationToken cancellationToken)
    {
        var (assessment, refused) = await DraftAsync(id, request.Version, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var errors = new ValidationErrors();
        if (assessment!.Grade is null)
        {
            errors.Add("grade", "Error.Risk.GradeRequired");
        }
        RiskGrading.CheckGradeHasRationale(assessment.Grade, assessment.Rationale, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var now = time.GetUtcNow();
        assessment.Status = RiskAssessmentStatus.Complete;
        assessment.CompletedAt = now;
        assessment.Version = Guid.NewGuid();
        var target = new RecordTarget(assessment.IncidentId, assessment.CaseId, assessment.ForceId);
        return await db.RunAsync<RecordCreated>(async ct =>
        {
            audit.Add(AuditActions.Update, AuditEntities.RiskAssessment, assessment.Id, detail: "completed");
            await db.SaveChangesAsync(ct);
            await alerts.RunAsync(new RuleTrigger(await target.IncidentIdsAsync(db, ct), assessment.CaseId is { } c ? [c] : null,
                Written: [new WrittenRecord(AuditEntities.RiskAssessment, assessment.Id)]), ct);
            return new RecordCreated(assessment.Id, RiskAssessment.Reference(assessment.Id));
        }, cancellationToken);
    }

    /// <summary>
    /// A supervisor endorses, raises or (with reason) lowers the grade of a completed assessment. Lowering below
    /// what the DASH answers indicate on their own (an actuarial high) is refused: professional judgement may
    /// raise a grade, never lower a visible high risk.
    /// </summary>
    public async Task<Outcome<RecordCreated>> ReviewAsync(long id, ReviewRiskAssessmentRequest request, CancellationToken cancellationToken)
    {
        var assessment = await db.RiskAssessments.Include(r => r.Reviews).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (assessment is null)
        {
            return new NotFound();
        }
        if (assessment.ForceId != user.ForceId)
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        if (assessment.Status != RiskAssessmentStatus.Complete)
        {
            return new Conflict("Error.Risk.ReviewDraft");
        }
        var errors = new ValidationErrors();
        var grade = CaseRecordInput.Required<RiskGrade>(request.Grade, "grade", errors);
        var rationale = CaseRecordInput.Text(request.Rationale, CaseRecordLimits.Rationale, "rationale", errors);
        if (rationale is null)
        {
            errors.Add("rationale", "Error.Risk.ReviewRationaleRequired");
        }
        if (!errors.Has("grade") && assessment.Tool == RiskTool.DASH)
        {
            var reference = await RiskReference.ForForceAsync(db, assessment.ForceId, cancellationToken);
            if (reference.Band(assessment.YesCount) == RiskGrade.High && grade < RiskGrade.High)
            {
                errors.Add("grade", "Error.Risk.LowerActuarialHigh", assessment.YesCount, reference.HighBand);
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var review = new RiskReview
        {
            RiskAssessmentId = assessment.Id,
            ReviewedAt = time.GetUtcNow(),
            ReviewedByUserId = user.UserId,
            ByName = user.DisplayName,
            PreviousGrade = assessment.EffectiveGrade ?? grade,
            Grade = grade,
            Rationale = rationale!,
        };
        assessment.Reviews.Add(review);
        var target = new RecordTarget(assessment.IncidentId, assessment.CaseId, assessment.ForceId);
        return await db.RunAsync<RecordCreated>(async ct =>
        {
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.Review, AuditEntities.RiskAssessment, assessment.Id, detail: $"{review.PreviousGrade} -> {grade}");
            await db.SaveChangesAsync(ct);
            await alerts.RunAsync(new RuleTrigger(await target.IncidentIdsAsync(db, ct), null,
                Written: [new WrittenRecord(AuditEntities.RiskReview, review.Id), new WrittenRecord(AuditEntities.RiskAssessment, assessment.Id)]), ct);
            return new RecordCreated(assessment.Id, RiskAssessment.Reference(assessment.Id));
        }, cancellationToken);
    }

    /// <summary>A draft of the user's force, at the version the user last read.</summary>
    private async Task<(RiskAssessment? Assessment, Failure? Refused)> DraftAsync(long id, string? version, CancellationToken cancellationToken)
    {
        var assessment = await db.RiskAssessments.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (assessment is null)
        {
            return (null, new NotFound());
        }
        if (assessment.ForceId != user.ForceId)
        {
            return (null, new Forbidden("Error.Force.ChangeOtherForce"));
        }
        if (assessment.Status != RiskAssessmentStatus.Draft)
        {
            return (null, new Conflict("Error.Risk.AlreadyComplete"));
        }
        if (!Guid.TryParse(version, out var expected))
        {
            var errors = new ValidationErrors();
            errors.Add("version", "Error.Version.Required");
            return (null, errors.ToFailure());
        }
        return expected != assessment.Version ? (null, new Conflict("Error.Version.Stale")) : (assessment, null);
    }
}

public static class RiskGrading
{
    /// <summary>A grade is a judgement, and a judgement without its reasons cannot be reviewed.</summary>
    public static void CheckGradeHasRationale(RiskGrade? grade, string? rationale, ValidationErrors errors)
    {
        if (grade is not null && string.IsNullOrWhiteSpace(rationale))
        {
            errors.Add("rationale", "Error.Risk.RationaleRequired");
        }
    }
}
