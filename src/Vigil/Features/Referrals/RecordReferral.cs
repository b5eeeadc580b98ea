using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Referrals;

public sealed record RecordReferralRequest(long? PersonId, string? To, bool? Consent, string? Status, string? By);

/// <summary>
/// Records a referral (or an offer of one) of a person to an agency, with consent. Consent rules and partner
/// access build on this record.
/// </summary>
public sealed class RecordReferralHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordReferralRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordReferralRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var errors = new ValidationErrors();
        await RecordTarget.CheckPersonAsync(db, request.PersonId, "personId", errors, cancellationToken);
        var to = CaseRecordInput.Required<ReferralTarget>(request.To, "to", errors);
        var status = CaseRecordInput.Required<ReferralStatus>(request.Status, "status", errors);
        var by = CaseRecordInput.By(request.By, user, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var referral = new Referral
        {
            ForceId = forceId,
            PersonRecordId = request.PersonId!.Value,
            To = to,
            Consent = request.Consent,
            Status = status,
            RecordedAt = writer.Now,
            RecordedByUserId = writer.UserId,
            ByName = by,
        };
        return await writer.SaveAsync(referral, AuditEntities.Referral, r => r.Id, ReferralsApi.Reference, CaseRecordWriter.NoIncidents, cancellationToken);
    }
}
