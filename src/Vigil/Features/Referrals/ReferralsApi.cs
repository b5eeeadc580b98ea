using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Referrals;

public sealed record ReferralView(long Id, string Reference, long ForceId, long PersonId, string To, bool? Consent, string Status, DateTimeOffset RecordedAt, string By);

public static class ReferralsApi
{
    public static string Reference(long id) => $"REF{id:D6}";

    public static RouteGroupBuilder MapReferralsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/referrals").WithTags("Referrals");
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record a referral (or an offer of one) to ISAC, IDVA, MARAC and other services, with consent");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A referral");
        return api;
    }

    public static async Task<Results<Created<RecordCreated>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        RecordReferralRequest request, RecordReferralHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Created(await handler.HandleAsync(request, cancellationToken), c => $"/api/v1/referrals/{c.Id}", localizer);

    public static async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, AppDbContext db, RecordReader reader,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await reader.GetAsync(db.Referrals, r => r.Id == id, AuditEntities.Referral, id, r => r.ForceId,
            r => new ReferralView(r.Id, Reference(r.Id), r.ForceId, r.PersonRecordId, r.To.ToString(), r.Consent, r.Status.ToString(), r.RecordedAt, r.ByName),
            purpose, cancellationToken), localizer);
}
