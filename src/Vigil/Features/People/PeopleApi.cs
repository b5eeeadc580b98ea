using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.People;

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/person-records").WithTags("Person records");
        group.MapPost("/", AddPersonRecordAsync).RequireAuthorization(Policies.RecordIncidents)
            .WithSummary("Add a person record to your force");
        group.MapGet("/", SearchPersonRecordsAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Search person records in every force by name, date of birth or phone");
        group.MapGet("/{id:long}", GetPersonRecordAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A person record with every incident its resolved identity appears in, in any force");

        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("/{id:long}", GetPersonAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A resolved identity: its records in every force, why they are linked, and their incidents");

        var matches = api.MapGroup("/possible-matches").WithTags("People");
        matches.MapGet("/", ListPossibleMatchesAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The review queue: possible matches involving your force's records, most likely first");
        matches.MapGet("/{id:long}", GetPossibleMatchAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A possible match with the evidence for and against");
        matches.MapPost("/{id:long}/decision", ReviewPossibleMatchAsync).RequireAuthorization(Policies.ResolvePeople)
            .WithSummary("Decide a possible match: the same person or different people, with a rationale");

        var decisions = api.MapGroup("/match-decisions").WithTags("People");
        decisions.MapPost("/", DecideMatchAsync).RequireAuthorization(Policies.ResolvePeople)
            .WithSummary("Merge two records' identities or split them apart, with a rationale");
        decisions.MapPost("/{id:long}/revoke", RevokeMatchDecisionAsync).RequireAuthorization(Policies.ResolvePeople)
            .WithSummary("Revoke a decision, undoing its merge or split");
        return api;
    }

    public static async Task<Results<Ok<PersonView>, ValidationProblem, ProblemHttpResult>> GetPersonAsync(
        long id, GetPersonHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, cancellationToken), localizer);

    public static async Task<Results<Ok<PageOf<PossibleMatchSummary>>, ValidationProblem, ProblemHttpResult>> ListPossibleMatchesAsync(
        [FromQuery] string? status, [FromQuery] int? page, [FromQuery] int? pageSize,
        ListPossibleMatchesHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(new ListPossibleMatchesRequest(status, page, pageSize), cancellationToken), localizer);

    public static async Task<Results<Ok<PossibleMatchView>, ValidationProblem, ProblemHttpResult>> GetPossibleMatchAsync(
        long id, GetPossibleMatchHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, cancellationToken), localizer);

    public static async Task<Results<Ok<MatchDecisionView>, ValidationProblem, ProblemHttpResult>> ReviewPossibleMatchAsync(
        long id, ReviewDecisionInput request, DecideMatchHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.ReviewAsync(id, request, cancellationToken), localizer);

    public static async Task<Results<Created<MatchDecisionView>, ValidationProblem, ProblemHttpResult>> DecideMatchAsync(
        MatchDecisionInput request, DecideMatchHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.DecideAsync(request, cancellationToken), d => $"/api/v1/match-decisions/{d.Id}", localizer);

    public static async Task<Results<Ok<MatchDecisionView>, ValidationProblem, ProblemHttpResult>> RevokeMatchDecisionAsync(
        long id, RevokeDecisionInput request, DecideMatchHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.RevokeAsync(id, request, cancellationToken), localizer);

    public static async Task<Results<Created<PersonRecordView>, ValidationProblem, ProblemHttpResult>> AddPersonRecordAsync(
        PersonRecordInput request, AddPersonRecordHandler handler, GetPersonRecordHandler get, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var created = await handler.HandleAsync(request, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiResults.Fail<Created<PersonRecordView>>(created.Failure!, localizer);
        }
        var view = await get.HandleAsync(created.Value, purpose: null, cancellationToken);
        return TypedResults.Created($"/api/v1/person-records/{created.Value}", view.Value!);
    }

    public static async Task<Results<Ok<PageOf<PersonRecordSummary>>, ValidationProblem, ProblemHttpResult>> SearchPersonRecordsAsync(
        [FromQuery] string? name, [FromQuery] string? dateOfBirth, [FromQuery] string? phone, [FromQuery] string? force,
        [FromQuery] int? page, [FromQuery] int? pageSize,
        SearchPeopleHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(new SearchPeopleRequest(name, dateOfBirth, phone, force, page, pageSize), cancellationToken), localizer);

    public static async Task<Results<Ok<PersonRecordView>, ValidationProblem, ProblemHttpResult>> GetPersonRecordAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose,
        GetPersonRecordHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(id, purpose, cancellationToken), localizer);
}
