using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Incidents;

public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("Incidents");
        group.MapPost("/", RecordIncidentAsync).RequireAuthorization(Policies.RecordIncidents)
            .WithSummary("Record an incident, crime or not, with its parties");
        group.MapGet("/", ListIncidentsAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("List incident summaries; a classification filter also matches included classifications");
        group.MapGet("/{id:long}", GetIncidentAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The full incident; another force's needs the Vigil-Purpose header");
        group.MapPatch("/{id:long}", UpdateIncidentAsync).RequireAuthorization(Policies.RecordIncidents)
            .WithSummary("Change classification, narrative, behaviours or impact; send the version you read");
        return api;
    }

    public static async Task<Results<Created<RecordIncidentResponse>, ValidationProblem, ProblemHttpResult>> RecordIncidentAsync(
        RecordIncidentRequest request, RecordIncidentHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), r => $"/api/v1/incidents/{r.Id}", localizer);

    public static async Task<Results<Ok<PageOf<IncidentSummary>>, ValidationProblem, ProblemHttpResult>> ListIncidentsAsync(
        [FromQuery] string? force, [FromQuery] string? classification, [FromQuery] string? behaviour, [FromQuery] long? personRecordId,
        [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] int? page, [FromQuery] int? pageSize,
        ListIncidentsHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(new ListIncidentsRequest(force, classification, behaviour, personRecordId, from, to, page, pageSize), cancellationToken), localizer);

    public static async Task<Results<Ok<IncidentView>, ValidationProblem, ProblemHttpResult>> GetIncidentAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose,
        GetIncidentHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, purpose, cancellationToken), localizer);

    public static async Task<Results<Ok<IncidentView>, ValidationProblem, ProblemHttpResult>> UpdateIncidentAsync(
        long id, UpdateIncidentRequest request, UpdateIncidentHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, request, cancellationToken), localizer);
}
