using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Risk;

public sealed record RiskReviewView(DateTimeOffset ReviewedAt, string By, string PreviousGrade, string Grade, string Rationale);

public sealed record BehaviourIndicator(string Behaviour, IReadOnlyList<string> Incidents);

public sealed record BreachIndicator(string Reference, string OrderReference, string OrderType, string Force, DateTimeOffset OccurredAt, bool ProtectsVictim);

public sealed record OtherVictimIndicator(string Person, IReadOnlyList<string> Incidents);

/// <summary>
/// What the answers and the records say, shown beside the officer's grade: the count of "yes", the band it
/// indicates, the red-flag items answered "yes", and the stalking behaviours, breaches and other victims recorded
/// in every linked incident and force.
/// </summary>
public sealed record RiskIndicators(
    int YesCount, int Answered, int Questions, string? Band, IReadOnlyList<string> RedFlags, IReadOnlyList<BehaviourIndicator> StalkingBehaviours,
    IReadOnlyList<BreachIndicator> Breaches, IReadOnlyList<OtherVictimIndicator> OtherVictims, IReadOnlyList<string> Forces)
{
    public static RiskIndicators Of(RiskTool tool, IReadOnlyDictionary<string, bool> answers, RiskReference reference, RiskPicture picture)
    {
        var yes = answers.Count(a => a.Value);
        return new RiskIndicators(yes, answers.Count, RiskQuestions.Of(tool).Count, tool == RiskTool.DASH ? reference.Band(yes).ToString() : null,
            reference.RedFlagsIn(answers),
            [.. picture.StalkingBehaviours.Select(b => new BehaviourIndicator(b.Behaviour.ToString(), [.. b.Incidents.Select(i => i.Reference)]))],
            [.. picture.Breaches.Select(b => new BreachIndicator(b.Reference, b.OrderReference, b.OrderType.ToString(), b.ForceCode, b.OccurredAt, b.ProtectsVictim))],
            [.. picture.OtherVictims.Select(v => new OtherVictimIndicator(v.Reference, v.Incidents))],
            picture.Forces);
    }
}

public sealed record RiskAssessmentView(
    CaseRecordHeader Record, long VictimId, string Tool, string Status, IReadOnlyDictionary<string, bool> Answers, int YesCount, string? Grade,
    string? EffectiveGrade, string? Rationale, DateTimeOffset? CompletedAt, string Version, IReadOnlyList<RiskReviewView> Reviews, RiskIndicators Indicators);

public sealed record RiskHistoryEntry(long Id, string Reference, string Tool, string Status, int YesCount, string? Grade, string? EffectiveGrade, DateTimeOffset RecordedAt, DateTimeOffset? CompletedAt, string By, long ForceId);

/// <summary>Reads risk assessments: one with its reviews and indicators, a victim's history, and the suggested answers.</summary>
public sealed class RiskAssessmentQueries(AppDbContext db, RecordReader reader, RecordAccess access, AuditLog audit, CurrentUser user)
{
    public async Task<Outcome<(RiskAssessment Assessment, RiskIndicators Indicators, RiskPicture Picture)>> GetAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        var read = await reader.GetAsync(db.RiskAssessments.Include(r => r.Reviews), r => r.Id == id, AuditEntities.RiskAssessment, id, r => r.ForceId, r => r, purpose, cancellationToken);
        if (read.Failure is { } failure)
        {
            return failure;
        }
        var assessment = read.Value!;
        var picture = await RiskPicture.LoadAsync(db, assessment.VictimId, await TargetIncidentsAsync(assessment.IncidentId, assessment.CaseId, cancellationToken), cancellationToken);
        var reference = await RiskReference.ForForceAsync(db, assessment.ForceId, cancellationToken);
        return (assessment, RiskIndicators.Of(assessment.Tool, assessment.Answers, reference, picture), picture);
    }

    public static RiskAssessmentView View(RiskAssessment r, RiskIndicators indicators) =>
        new(CaseRecordHeader.Of(r, RiskAssessment.Reference(r.Id)), r.VictimId, r.Tool.ToString(), r.Status.ToString(), r.Answers, r.YesCount,
            r.Grade?.ToString(), r.EffectiveGrade?.ToString(), r.Rationale, r.CompletedAt, r.Version.ToString(),
            [.. r.Reviews.OrderBy(v => v.ReviewedAt).Select(v => new RiskReviewView(v.ReviewedAt, v.ByName, v.PreviousGrade.ToString(), v.Grade.ToString(), v.Rationale))],
            indicators);

    /// <summary>
    /// Every assessment of a victim (any record of the resolved person) made by the reader's force, newest first:
    /// the history is never overwritten. Reading it is a read of the victim's records, and audited as one.
    /// </summary>
    public async Task<Outcome<List<RiskHistoryEntry>>> HistoryAsync(long victimRecordId, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var victim = await db.PersonRecords.Where(p => p.Id == victimRecordId).Select(p => new { p.Id, p.PersonId }).FirstOrDefaultAsync(cancellationToken);
        if (victim is null)
        {
            return new Infrastructure.Http.NotFound();
        }
        var records = victim.PersonId is { } person ? db.PersonRecords.Where(p => p.PersonId == person).Select(p => p.Id) : db.PersonRecords.Where(p => p.Id == victim.Id).Select(p => p.Id);
        var rows = await db.RiskAssessments.AsNoTracking().Include(r => r.Reviews)
            .Where(r => r.ForceId == forceId && records.Contains(r.VictimId))
            .ToListAsync(cancellationToken);
        await audit.RecordReadAsync(AuditEntities.PersonRecord, victimRecordId, null, cancellationToken);
        return rows.OrderByDescending(r => r.CompletedAt ?? r.RecordedAt).ThenByDescending(r => r.Id)
            .Select(r => new RiskHistoryEntry(r.Id, RiskAssessment.Reference(r.Id), r.Tool.ToString(), r.Status.ToString(), r.YesCount, r.Grade?.ToString(),
                r.EffectiveGrade?.ToString(), r.RecordedAt, r.CompletedAt, r.ByName, r.ForceId)).ToList();
    }

    /// <summary>The answers Vigil suggests for a victim and tool, from every linked record (an audited read of the victim).</summary>
    public async Task<Outcome<List<SuggestedAnswer>>> SuggestAsync(long? victimId, long? incidentId, long? caseId, string? tool, CancellationToken cancellationToken)
    {
        if (user.ForceId is null)
        {
            return new Forbidden("Error.NoForce");
        }
        var errors = new ValidationErrors();
        await RecordTarget.CheckPersonAsync(db, victimId, "victimId", errors, cancellationToken);
        var parsedTool = CaseRecordInput.Required<RiskTool>(tool, "tool", errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var victimForce = await db.PersonRecords.Where(p => p.Id == victimId).Select(p => new { p.ForceId, p.Force!.Code }).FirstAsync(cancellationToken);
        if (await access.AuthoriseReadAsync(AuditEntities.PersonRecord, victimId!.Value, victimForce.ForceId, victimForce.Code, null, cancellationToken) is { } refused)
        {
            return refused;
        }
        var picture = await RiskPicture.LoadAsync(db, victimId.Value, await TargetIncidentsAsync(incidentId, caseId, cancellationToken), cancellationToken);
        return RiskPrefill.Suggest(picture, parsedTool);
    }

    public Task<List<long>> TargetIncidentsAsync(long? incidentId, long? caseId, CancellationToken cancellationToken) =>
        RecordTarget.IncidentIdsAsync(db, incidentId, caseId, cancellationToken);
}

public static class RiskApi
{
    public static RouteGroupBuilder MapRiskApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/risk-assessments").WithTags("Risk");
        group.MapPost("/", RecordRiskAssessmentAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Start or record a risk assessment of a victim (DASH-style, stalking questions or homicide timeline); without a grade it is a draft");
        group.MapGet("/{id:long}", GetRiskAssessmentAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A risk assessment with its reviews and the indicators shown beside the grade");
        group.MapPut("/{id:long}/draft", SaveRiskDraftAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Save answers, grade or rationale into a draft (answers merge; null clears one)");
        group.MapPost("/{id:long}/complete", CompleteRiskAssessmentAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Complete a draft: it then counts and is never changed again");
        group.MapPost("/{id:long}/reviews", ReviewRiskAssessmentAsync).RequireAuthorization(Policies.ReviewRisk)
            .WithSummary("A supervisor's review: endorse, raise or lower the grade with a rationale (never below an actuarial high)");
        group.MapGet("/suggestions", SuggestRiskAnswersAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("The answers Vigil suggests for a victim and tool from linked records, with where each came from");
        api.MapGet("/person-records/{id:long}/risk-assessments", RiskHistoryAsync).RequireAuthorization(Policies.ReadCaseData).WithTags("Risk")
            .WithSummary("Every risk assessment of a victim (all records of the person) made by your force, newest first");
        var reference = api.MapGroup("/risk-reference").WithTags("Risk");
        reference.MapGet("/", GetRiskReferenceAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Your force's risk reference data: DASH bands, red-flag items and question wording");
        reference.MapPut("/", ChangeRiskReferenceAsync).RequireAuthorization(Policies.ConfigureRules)
            .WithSummary("Change your force's bands, red-flag items or question wording (audited, with a reason)");
        return api;
    }

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordRiskAssessmentAsync(
        RecordRiskAssessmentRequest request, RecordRiskAssessmentHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/risk-assessments/{c.Id}", localizer);

    public static async Task<Results<Ok<RiskAssessmentView>, ValidationProblem, ProblemHttpResult>> GetRiskAssessmentAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, RiskAssessmentQueries queries,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var read = await queries.GetAsync(id, purpose, cancellationToken);
        return read.Failure is { } failure
            ? ApiResults.Fail<Ok<RiskAssessmentView>>(failure, localizer)
            : TypedResults.Ok(RiskAssessmentQueries.View(read.Value.Assessment, read.Value.Indicators));
    }

    public static async Task<Results<Ok<RiskDraftSaved>, ValidationProblem, ProblemHttpResult>> SaveRiskDraftAsync(
        long id, SaveRiskDraftRequest request, RiskAssessmentWorkflow workflow, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await workflow.SaveDraftAsync(id, request, cancellationToken), localizer);

    public static async Task<Results<Ok<RecordCreated>, ValidationProblem, ProblemHttpResult>> CompleteRiskAssessmentAsync(
        long id, CompleteRiskAssessmentRequest request, RiskAssessmentWorkflow workflow, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await workflow.CompleteAsync(id, request, cancellationToken), localizer);

    public static async Task<Results<Ok<RecordCreated>, ValidationProblem, ProblemHttpResult>> ReviewRiskAssessmentAsync(
        long id, ReviewRiskAssessmentRequest request, RiskAssessmentWorkflow workflow, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await workflow.ReviewAsync(id, request, cancellationToken), localizer);

    public static async Task<Results<Ok<List<SuggestedAnswer>>, ValidationProblem, ProblemHttpResult>> SuggestRiskAnswersAsync(
        long? victimId, long? incidentId, long? caseId, string? tool, RiskAssessmentQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await queries.SuggestAsync(victimId, incidentId, caseId, tool, cancellationToken), localizer);

    public static async Task<Results<Ok<List<RiskHistoryEntry>>, ValidationProblem, ProblemHttpResult>> RiskHistoryAsync(
        long id, RiskAssessmentQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await queries.HistoryAsync(id, cancellationToken), localizer);

    public static async Task<Results<Ok<RiskReferenceView>, ValidationProblem, ProblemHttpResult>> GetRiskReferenceAsync(
        RiskReferenceHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.GetAsync(cancellationToken), localizer);

    public static async Task<Results<Ok<RiskReferenceView>, ValidationProblem, ProblemHttpResult>> ChangeRiskReferenceAsync(
        ChangeRiskReferenceRequest request, RiskReferenceHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.ChangeAsync(request, cancellationToken), localizer);
}
