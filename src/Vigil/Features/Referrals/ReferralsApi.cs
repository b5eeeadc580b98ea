using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;

namespace Vigil.Features.Referrals;

public sealed record ReferralView(long Id, string Reference, long ForceId, long PersonId, string To, bool? Consent, string Status, DateTimeOffset RecordedAt, string By);

public static class ReferralsApi
{
    public static string Reference(long id) => $"REF{id:D6}";

    public static RouteGroupBuilder MapReferralsApi(this RouteGroupBuilder api) =>
        api.MapRecord<RecordReferralRequest, RecordReferralHandler, Referral, ReferralView>(
            "referrals", "Referrals", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record a referral (or an offer of one) to ISAC, IDVA, MARAC and other services, with consent", "A referral",
            AuditEntities.Referral, db => db.Referrals,
            r => new ReferralView(r.Id, Reference(r.Id), r.ForceId, r.PersonRecordId, r.To.ToString(), r.Consent, r.Status.ToString(), r.RecordedAt, r.ByName));
}
