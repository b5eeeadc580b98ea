using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Evidence;

public sealed record EvidenceView(CaseRecordHeader Record, string Kind, string Status, DateTimeOffset? AvailableUntil, DateTimeOffset? ExpectedBy);

public static class EvidenceApi
{
    public static string Reference(long id) => $"EVD{id:D6}";

    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evidence").WithTags("Evidence");
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record a piece of evidence and its status, with the date it will be lost or is expected");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A piece of evidence");
        return api;
    }

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        RecordEvidenceRequest request, RecordEvidenceHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/evidence/{c.Id}", localizer);

    public static async Task<Results<Ok<EvidenceView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(db.EvidenceItems, e => e.Id == id, AuditEntities.Evidence, id, e => e.ForceId,
            e => new EvidenceView(CaseRecordHeader.Of(e, Reference(e.Id)), e.Kind.ToString(), e.Status.ToString(), e.AvailableUntil, e.ExpectedBy),
            purpose, cancellationToken), localizer);
}
