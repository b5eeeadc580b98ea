using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Screening;

public sealed record ScreeningView(CaseRecordHeader Record, bool? Fixated, bool? Obsessive, bool? Unwanted, bool? Repeated, bool FourYes, IReadOnlyDictionary<string, bool> Answers);

public static class ScreeningApi
{
    public static string Reference(long id) => $"SCR{id:D6}";

    public static RouteGroupBuilder MapScreeningApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/screenings").WithTags("Screening");
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record a stalking screening (FOUR and the screening topics) on an incident or a case");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A stalking screening");
        return api;
    }

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        RecordScreeningRequest request, RecordScreeningHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/screenings/{c.Id}", localizer);

    public static async Task<Results<Ok<ScreeningView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(db.Screenings, s => s.Id == id, AuditEntities.Screening, id, s => s.ForceId,
            s => new ScreeningView(CaseRecordHeader.Of(s, Reference(s.Id)), s.Fixated, s.Obsessive, s.Unwanted, s.Repeated, s.FourYes, s.Answers),
            purpose, cancellationToken), localizer);
}
