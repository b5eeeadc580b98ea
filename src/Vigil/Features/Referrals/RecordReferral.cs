using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Referrals;

/// <summary>
/// A referral as the API and the timeline give it. The first five fields are the timeline's <c>referral</c> event;
/// the rest are optional: the case it was made from, the agency it went to (by code), what the victim agreed may be
/// shared with that agency, and why it was made without consent when it was.
/// </summary>
public sealed record RecordReferralRequest(
    long? PersonId, string? To, bool? Consent, string? Status, string? By,
    long? CaseId = null, string? Agency = null, string? ConsentLevel = null, string? OverrideReason = null);

/// <summary>
/// Records a referral (or an offer of one) of a person to an agency as it happened. Replay and import use this
/// directly: a timeline is a history, so a referral made without consent long ago is recorded as it was. New
/// referrals through the API and the pages go through <see cref="MakeReferralHandler"/>, which applies the consent
/// rules first.
/// </summary>
public sealed class RecordReferralHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordReferralRequest>
{
    public Task<Outcome<RecordCreated>> HandleAsync(RecordReferralRequest request, CancellationToken cancellationToken) =>
        RecordAsync(request, enforceConsent: false, cancellationToken);

    internal async Task<Outcome<RecordCreated>> RecordAsync(RecordReferralRequest request, bool enforceConsent, CancellationToken cancellationToken)
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
        var level = CaseRecordInput.Optional<ConsentLevel>(request.ConsentLevel, "consentLevel", errors);
        var reason = CaseRecordInput.Text(request.OverrideReason, ReferralLimits.Reason, "overrideReason", errors);
        if (level is not null && request.Consent != true)
        {
            errors.Add("consentLevel", "Error.Referral.LevelWithoutConsent");
        }
        long? agencyId = null;
        if (!string.IsNullOrWhiteSpace(request.Agency))
        {
            var code = request.Agency.Trim().ToUpperInvariant();
            agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (agencyId is null)
            {
                errors.Add("agency", "Error.Referral.AgencyUnknown", code);
            }
        }
        if (request.CaseId is { } caseId && await CheckCaseAsync(caseId, request.PersonId, forceId, errors, cancellationToken) is { } refused)
        {
            return refused;
        }
        var overridden = false;
        if (enforceConsent && !errors.Has("to") && !errors.Has("status"))
        {
            (overridden, var refusedOverride) = ReferralConsent.Check(to, status, request.Consent, reason, user.IsInAnyRole, errors);
            if (refusedOverride is not null && !errors.Any)
            {
                return refusedOverride;
            }
        }
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
            CaseId = request.CaseId,
            AgencyId = agencyId,
            // Consent to an agency with users but no level named shares the least: contact and safety.
            ConsentLevel = request.Consent == true && (level is not null || agencyId is not null) ? level ?? Referrals.ConsentLevel.ContactAndSafety : null,
            OverrideReason = overridden ? reason : null,
        };
        return await writer.SaveAsync(referral, AuditEntities.Referral, r => r.Id, ReferralsApi.Reference, CaseRecordWriter.NoIncidents, cancellationToken, request.CaseId);
    }

    /// <summary>The case exists, belongs to the user's force, and the person is one of its people.</summary>
    private async Task<Failure?> CheckCaseAsync(long caseId, long? personId, long forceId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var found = await db.Cases.Where(c => c.Id == caseId).Select(c => new { c.ForceId, c.VictimId, c.SuspectId }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            errors.Add("caseId", "Error.Target.CaseUnknown", caseId);
            return null;
        }
        if (found.ForceId != forceId)
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        if (personId is { } person && found.VictimId != person && found.SuspectId != person
            && !await db.IncidentParties.AnyAsync(p => p.PersonRecordId == person && db.CaseIncidents.Any(ci => ci.CaseId == caseId && ci.IncidentId == p.IncidentId), cancellationToken))
        {
            errors.Add("personId", "Error.Referral.PersonNotOnCase");
        }
        return null;
    }
}

/// <summary>A new referral through the API or a page: the consent rules of <see cref="ReferralConsent"/> apply.</summary>
public sealed class MakeReferralHandler(RecordReferralHandler record) : IRecordHandler<RecordReferralRequest>
{
    public Task<Outcome<RecordCreated>> HandleAsync(RecordReferralRequest request, CancellationToken cancellationToken) =>
        record.RecordAsync(request, enforceConsent: true, cancellationToken);
}

public sealed record UpdateReferralRequest(string? Status, string? Outcome, string? OverrideReason);

public sealed record WithdrawConsentRequest(string? Reason, string? By);

/// <summary>
/// Where a referral has got to (offered, made, accepted, declined) and what came of it; and the victim withdrawing
/// consent, which ends the agency's access at once. Both are changes to the referral, audited with who and when.
/// </summary>
public sealed class ChangeReferralHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, AlertEngine alerts)
{
    public async Task<Outcome<RecordCreated>> UpdateAsync(long id, UpdateReferralRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (referral, refused) = await FindAsync(id, cancellationToken);
        if (referral is null)
        {
            return refused!;
        }
        var errors = new ValidationErrors();
        var status = CaseRecordInput.Required<ReferralStatus>(request.Status, "status", errors);
        var outcome = CaseRecordInput.Text(request.Outcome, ReferralLimits.Outcome, "outcome", errors);
        var reason = CaseRecordInput.Text(request.OverrideReason, ReferralLimits.Reason, "overrideReason", errors);
        var overridden = false;
        // A referral already standing on consent or an override needs nothing more; one whose consent was withdrawn
        // or never given needs an override again to go (back) to made or accepted.
        var consentInForce = referral.Consent == true && referral.ConsentWithdrawnAt is null;
        if (!errors.Has("status") && !consentInForce && referral.OverrideReason is null)
        {
            (overridden, var refusedOverride) = ReferralConsent.Check(referral.To, status, consentInForce, reason, user.IsInAnyRole, errors);
            if (refusedOverride is not null && !errors.Any)
            {
                return refusedOverride;
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        return await db.RunAsync<RecordCreated>(async ct =>
        {
            referral.Status = status;
            referral.Outcome = outcome ?? referral.Outcome;
            referral.OverrideReason = overridden ? reason : referral.OverrideReason;
            referral.UpdatedAt = time.GetUtcNow();
            audit.Add(AuditActions.Update, AuditEntities.Referral, referral.Id, detail: $"status={status}" + (overridden ? "; shared without consent" : ""));
            await db.SaveChangesAsync(ct);
            await alerts.RunAsync(RuleTrigger.ForRecord(AuditEntities.Referral, referral.Id), ct);
            return new RecordCreated(referral.Id, ReferralsApi.Reference(referral.Id));
        }, cancellationToken);
    }

    public async Task<Outcome<RecordCreated>> WithdrawConsentAsync(long id, WithdrawConsentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (referral, refused) = await FindAsync(id, cancellationToken);
        if (referral is null)
        {
            return refused!;
        }
        var errors = new ValidationErrors();
        var reason = CaseRecordInput.Text(request.Reason, ReferralLimits.Reason, "reason", errors);
        if (reason is null && !errors.Has("reason"))
        {
            errors.Add("reason", "Error.Referral.WithdrawReasonRequired");
        }
        var by = CaseRecordInput.By(request.By, user, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (referral.Consent != true || referral.ConsentWithdrawnAt is not null)
        {
            return new Conflict("Error.Referral.NoConsentToWithdraw");
        }
        return await db.RunAsync<RecordCreated>(async ct =>
        {
            referral.ConsentWithdrawnAt = time.GetUtcNow();
            referral.ConsentWithdrawnByUserId = user.UserId;
            referral.ConsentWithdrawnByName = by;
            referral.ConsentWithdrawnReason = reason;
            referral.UpdatedAt = referral.ConsentWithdrawnAt;
            audit.Add(AuditActions.Update, AuditEntities.Referral, referral.Id, detail: "consent withdrawn");
            await db.SaveChangesAsync(ct);
            return new RecordCreated(referral.Id, ReferralsApi.Reference(referral.Id));
        }, cancellationToken);
    }

    private async Task<(Referral? Referral, Failure? Refused)> FindAsync(long id, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return (null, new Forbidden("Error.NoForce"));
        }
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return (null, new NotFound());
        }
        return referral.ForceId == forceId ? (referral, null) : (null, new Forbidden("Error.Force.ChangeOtherForce"));
    }
}
