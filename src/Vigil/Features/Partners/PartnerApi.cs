using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Partners;

/// <summary>
/// The partner-agency API: the only endpoints a partner user may call (every police endpoint requires a force).
/// A case not referred to the caller's agency with consent in force is 403, audited, whether or not it exists.
/// </summary>
public static class PartnerApi
{
    public static RouteGroupBuilder MapPartnerApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partner").WithTags("Partner agencies").RequireAuthorization(Policies.PartnerAccess);
        group.MapGet("/cases", ListCases).WithSummary("Cases referred to my agency with the victim's consent in force");
        group.MapGet("/cases/{id:long}", GetCase).WithSummary("A case referred to my agency, at the level the victim's consent allows");
        group.MapPost("/cases/{id:long}/notes", RecordNote).WithSummary("Record a concern or new information on a case referred to my agency; the officer in case is alerted");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<PartnerCaseSummary>>, ValidationProblem, ProblemHttpResult>> ListCases(
        PartnerCasesHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.ListAsync(cancellationToken), localizer);

    private static async Task<Results<Ok<PartnerCaseView>, ValidationProblem, ProblemHttpResult>> GetCase(
        long id, PartnerCasesHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.GetAsync(id, cancellationToken), localizer);

    private static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordNote(
        long id, PartnerNoteRequest request, PartnerCasesHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.RecordNoteAsync(id, request, cancellationToken), c => $"/api/v1/partner/cases/{id}#note-{c.Id}", localizer);
}
