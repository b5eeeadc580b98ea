using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Referrals;

public sealed record ReferralView(
    long Id, string Reference, long ForceId, long PersonId, string To, bool? Consent, string Status, DateTimeOffset RecordedAt, string By,
    long? CaseId, string? Agency, string? ConsentLevel, string? OverrideReason, string? Outcome, DateTimeOffset? ConsentWithdrawnAt, string? ConsentWithdrawnReason);

public static class ReferralsApi
{
    public static string Reference(long id) => $"REF{id:D6}";

    public static RouteGroupBuilder MapReferralsApi(this RouteGroupBuilder api)
    {
        api.MapRecord<RecordReferralRequest, MakeReferralHandler, Referral, ReferralView>(
            "referrals", "Referrals", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record a referral (or an offer of one) to ISAC, IDVA, MARAC and other services, with consent; made or accepted without consent only on a recorded override",
            "A referral",
            AuditEntities.Referral, db => db.Referrals.Include(r => r.Agency), View);
        var group = api.MapGroup("/referrals").WithTags("Referrals");
        group.MapPost("/{id:long}/status", UpdateStatus).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record where a referral has got to and what came of it");
        group.MapPost("/{id:long}/consent-withdrawal", WithdrawConsent).RequireAuthorization(Policies.RecordSafeguarding)
            .WithSummary("Record that the victim withdrew consent: the agency's access to the case ends at once");
        return api;
    }

    public static ReferralView View(Referral r) => new(
        r.Id, Reference(r.Id), r.ForceId, r.PersonRecordId, r.To.ToString(), r.Consent, r.Status.ToString(), r.RecordedAt, r.ByName,
        r.CaseId, r.Agency?.Code, r.ConsentLevel?.ToString(), r.OverrideReason, r.Outcome, r.ConsentWithdrawnAt, r.ConsentWithdrawnReason);

    private static async Task<Results<Ok<RecordCreated>, ValidationProblem, ProblemHttpResult>> UpdateStatus(
        long id, UpdateReferralRequest request, ChangeReferralHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.UpdateAsync(id, request, cancellationToken), localizer);

    private static async Task<Results<Ok<RecordCreated>, ValidationProblem, ProblemHttpResult>> WithdrawConsent(
        long id, WithdrawConsentRequest request, ChangeReferralHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.WithdrawConsentAsync(id, request, cancellationToken), localizer);
}
