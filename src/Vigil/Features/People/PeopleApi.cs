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
            .WithSummary("A person record with every incident it appears in, in any force");
        return api;
    }

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
