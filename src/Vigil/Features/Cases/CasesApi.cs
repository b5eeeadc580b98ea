using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Cases;

public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases");
        group.MapPost("/", OpenCaseAsync).RequireAuthorization(Policies.ManageCases)
            .WithSummary("Open a case over one or more incidents");
        group.MapGet("/", ListCasesAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Your force's cases");
        group.MapGet("/{id:long}", GetCaseAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A case with its incidents, allocation history and offence decisions");
        group.MapPost("/{id:long}/incidents", AddIncidentsAsync).RequireAuthorization(Policies.ManageCases)
            .WithSummary("Add incidents to a case");
        group.MapPost("/{id:long}/handovers", HandOverAsync).RequireAuthorization(Policies.ManageCases)
            .WithSummary("Hand the case to another officer or team, with a reason");
        group.MapPost("/{id:long}/offence-decisions", RecordOffenceDecisionAsync).RequireAuthorization(Policies.ManageCases)
            .WithSummary("Record the offence decision with its rationale");
        group.MapPut("/{id:long}/outcome", RecordOutcomeAsync).RequireAuthorization(Policies.ManageCases)
            .WithSummary("Set the status and Home Office outcome (1–22)");
        return api;
    }

    public static async Task<Results<Created<CaseCreated>, ValidationProblem, ProblemHttpResult>> OpenCaseAsync(
        OpenCaseRequest request, OpenCaseHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/cases/{c.Id}", localizer);

    public static async Task<Results<Ok<PageOf<CaseSummary>>, ValidationProblem, ProblemHttpResult>> ListCasesAsync(
        [FromQuery] string? status, [FromQuery] bool? mine, [FromQuery] string? force, [FromQuery] int? page, [FromQuery] int? pageSize,
        ListCasesHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(new ListCasesRequest(status, mine, force, page, pageSize), cancellationToken), localizer);

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> GetCaseAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose,
        GetCaseHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, purpose, cancellationToken), localizer);

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AddIncidentsAsync(
        long id, AddCaseIncidentsRequest request, AddCaseIncidentsHandler handler, GetCaseHandler get, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await ThenGetAsync(await handler.HandleAsync(id, request, cancellationToken), get, localizer, cancellationToken);

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> HandOverAsync(
        long id, HandOverCaseRequest request, HandOverCaseHandler handler, GetCaseHandler get, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await ThenGetAsync(await handler.HandleAsync(id, request, cancellationToken), get, localizer, cancellationToken);

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RecordOffenceDecisionAsync(
        long id, OffenceDecisionRequest request, RecordOffenceDecisionHandler handler, GetCaseHandler get, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await ThenGetAsync(await handler.HandleAsync(id, request, cancellationToken), get, localizer, cancellationToken);

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RecordOutcomeAsync(
        long id, CaseOutcomeRequest request, RecordCaseOutcomeHandler handler, GetCaseHandler get, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await ThenGetAsync(await handler.HandleAsync(id, request, cancellationToken), get, localizer, cancellationToken);

    private static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ThenGetAsync(
        Outcome<CaseCreated> changed, GetCaseHandler get, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (!changed.Succeeded)
        {
            return ApiResults.Fail<Ok<CaseView>>(changed.Failure!, localizer);
        }
        return ApiResults.Ok(await get.HandleAsync(changed.Value!.Id, purpose: null, cancellationToken), localizer);
    }
}
