using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Risk;

public sealed record RiskAssessmentView(
    CaseRecordHeader Record, long VictimId, string Tool, IReadOnlyDictionary<string, bool> Answers, int YesCount, string? Grade, string? Rationale);

public static class RiskApi
{
    public static RouteGroupBuilder MapRiskApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/risk-assessments").WithTags("Risk");
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record a risk assessment of a victim (DASH-style, stalking questions or homicide timeline)");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A risk assessment");
        return api;
    }

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        RecordRiskAssessmentRequest request, RecordRiskAssessmentHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/risk-assessments/{c.Id}", localizer);

    public static async Task<Results<Ok<RiskAssessmentView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(db.RiskAssessments, r => r.Id == id, AuditEntities.RiskAssessment, id, r => r.ForceId,
            r => new RiskAssessmentView(CaseRecordHeader.Of(r, RiskAssessment.Reference(r.Id)), r.VictimId, r.Tool.ToString(), r.Answers,
                r.Answers.Count(a => a.Value), r.Grade?.ToString(), r.Rationale),
            purpose, cancellationToken), localizer);
}
