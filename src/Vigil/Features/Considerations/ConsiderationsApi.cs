using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Considerations;

public sealed record ConsiderationView(CaseRecordHeader Record, string What, string Decision, string? Rationale);

public static class ConsiderationsApi
{
    public static string Reference(long id) => $"CON{id:D6}";

    public static RouteGroupBuilder MapConsiderationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/considerations").WithTags("Considerations");
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record an option considered (SPO, DVPN, MARAC, arrest…), whether it was progressed, and why");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A consideration");
        return api;
    }

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        RecordConsiderationRequest request, RecordConsiderationHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/considerations/{c.Id}", localizer);

    public static async Task<Results<Ok<ConsiderationView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(db.Considerations, c => c.Id == id, AuditEntities.Consideration, id, c => c.ForceId,
            c => new ConsiderationView(CaseRecordHeader.Of(c, Reference(c.Id)), c.What.ToString(), c.Decision.ToString(), c.Rationale),
            purpose, cancellationToken), localizer);
}
