using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.People;

public sealed record SightingView(long Id, string Reference, long ForceId, long PersonId, string Kind, string? LocationText, double? Lat, double? Lon, DateTimeOffset RecordedAt);

public static class SightingsApi
{
    public static string Reference(long id) => $"SGT{id:D6}";

    public static RouteGroupBuilder MapSightingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sightings").WithTags("People");
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record where a person was seen, or lives, stays or works");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A sighting");
        return api;
    }

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        RecordSightingRequest request, RecordSightingHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/sightings/{c.Id}", localizer);

    public static async Task<Results<Ok<SightingView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(db.Sightings, s => s.Id == id, AuditEntities.Sighting, id, s => s.ForceId,
            s => new SightingView(s.Id, Reference(s.Id), s.ForceId, s.PersonRecordId, s.Kind.ToString(), s.LocationText, s.Latitude, s.Longitude, s.RecordedAt),
            purpose, cancellationToken), localizer);
}
