using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Partners;
using Vigil.Features.Referrals;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;

namespace Vigil.Pages.Referrals;

/// <summary>A case's referrals and what partner advocates have told the officers, for the case page.</summary>
public sealed record CaseReferralsModel(long CaseId, bool CanRecord, IReadOnlyList<CaseReferralRow> Referrals, IReadOnlyList<PartnerNoteView> Notes);

public sealed record CaseReferralRow(long Id, string Reference, string PersonName, ReferralTarget To, string? Agency, ReferralStatus Status, bool? Consent,
    string? ConsentLevel, bool Override, DateTimeOffset? Withdrawn, DateTimeOffset RecordedAt);

/// <summary>
/// Shown inside the case page, which has already authorised and audited the read of the case: the referrals made
/// from it and the partner agencies' notes on it are part of the case.
/// </summary>
public sealed class CaseReferralsViewComponent(AppDbContext db, PartnerCasesHandler partners, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long caseId, bool ownForce)
    {
        var rows = (await db.Referrals.AsNoTracking().Include(r => r.Agency).Include(r => r.PersonRecord).Where(r => r.CaseId == caseId).ToListAsync(HttpContext.RequestAborted))
            .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
            .Select(r => new CaseReferralRow(r.Id, ReferralsApi.Reference(r.Id), r.PersonRecord!.FullName, r.To, r.Agency?.Name, r.Status, r.Consent,
                r.ConsentLevel?.ToString(), r.OverrideReason is not null, r.ConsentWithdrawnAt, r.RecordedAt)).ToList();
        var notes = await partners.NotesAsync(caseId, null, HttpContext.RequestAborted);
        var canRecord = ownForce && user.IsInAnyRole(Roles.RecordSafeguarding);
        return View(new CaseReferralsModel(caseId, canRecord, rows, notes));
    }
}
