using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Features.Referrals;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Partners;

/// <summary>A case opened to a partner user: through which referral, at which consent level, about which victim.</summary>
public sealed record PartnerGrant(long CaseId, long ForceId, long ReferralId, long AgencyId, string AgencyCode, ConsentLevel Level, long VictimId);

/// <summary>
/// The one door partner-agency users come through. A case is open to an agency's user only while a referral of the
/// case's victim to that agency stands on consent given at a level and not withdrawn; the check runs on every
/// request, so withdrawal ends access at once. Every answer is audited: a read with the agency, referral and level
/// it rested on, a refusal as an access denied — a partner probing for cases is itself worth seeing.
/// </summary>
public sealed class PartnerAccess(AppDbContext db, CurrentUser user, AuditLog audit)
{
    /// <summary>The consented referrals of case victims to an agency: what its users may see.</summary>
    public static IQueryable<Referral> Sharing(AppDbContext db, long agencyId) =>
        db.Referrals.Where(r => r.AgencyId == agencyId && r.CaseId != null && r.Consent == true && r.ConsentLevel != null && r.ConsentWithdrawnAt == null
            && db.Cases.Any(c => c.Id == r.CaseId && (c.VictimId == r.PersonRecordId
                || db.IncidentParties.Any(p => p.PersonRecordId == r.PersonRecordId && p.Role == PartyRole.Victim
                    && db.CaseIncidents.Any(ci => ci.CaseId == c.Id && ci.IncidentId == p.IncidentId)))));

    /// <summary>Decides and audits one request for a case; <paramref name="what"/> says what was asked for.</summary>
    public async Task<Outcome<PartnerGrant>> AuthoriseAsync(long caseId, string what, CancellationToken cancellationToken)
    {
        if (user.AgencyId is not long agencyId)
        {
            await RefuseAsync(caseId, what, "no agency", cancellationToken);
            return new Forbidden("Error.Partner.NotReferred");
        }
        // The latest consented referral decides the level: a victim who narrows consent narrows what is shared.
        var grant = await Sharing(db, agencyId).Where(r => r.CaseId == caseId)
            .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.AgencyId, r.Agency!.Code, r.ConsentLevel, r.PersonRecordId, ForceId = db.Cases.Where(c => c.Id == caseId).Select(c => c.ForceId).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (grant is null)
        {
            await RefuseAsync(caseId, what, $"agency {agencyId}: no referral with consent in force", cancellationToken);
            return new Forbidden("Error.Partner.NotReferred");
        }
        await db.RunAsync<bool>(async ct =>
        {
            audit.Add(AuditActions.Read, AuditEntities.Case, caseId, purpose: null,
                detail: $"partner {grant.Code}: {what}; referral {ReferralsApi.Reference(grant.Id)}, consent {grant.ConsentLevel}");
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        return new PartnerGrant(caseId, grant.ForceId, grant.Id, agencyId, grant.Code, grant.ConsentLevel!.Value, grant.PersonRecordId);
    }

    private async Task RefuseAsync(long caseId, string what, string why, CancellationToken cancellationToken) =>
        await db.RunAsync<bool>(async ct =>
        {
            audit.Add(AuditActions.AccessDenied, AuditEntities.Case, caseId, purpose: null, detail: $"partner request refused: {what}; {why}");
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
}
