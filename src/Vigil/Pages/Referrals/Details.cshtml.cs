using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Referrals;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Referrals;

/// <summary>One referral: where it stands, what came of it, and the victim withdrawing consent.</summary>
[Authorize(Policy = Policies.RecordSafeguarding)]
public sealed class DetailsModel(AppDbContext db, RecordReader reader, ChangeReferralHandler change, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ReferralView? Referral { get; private set; }

    public string? PersonName { get; private set; }

    public string? AgencyName { get; private set; }

    public string? Message { get; private set; }

    public bool CanOverride => user.IsInAnyRole(ReferralConsent.OverrideRoles);

    [BindProperty]
    public StatusInput Input { get; set; } = new();

    [BindProperty]
    public WithdrawInput Withdraw { get; set; } = new();

    public Task<IActionResult> OnGetAsync(long id, bool recorded, string? changed, CancellationToken cancellationToken)
    {
        Message = recorded ? "ReferralPage.Recorded" : changed switch
        {
            "status" => "ReferralPage.StatusUpdated",
            "withdrawn" => "ReferralPage.ConsentWithdrawn",
            _ => null,
        };
        return LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostStatusAsync(long id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await change.UpdateAsync(id, new UpdateReferralRequest(Input.Status, Input.Outcome, Input.OverrideReason), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Referrals/Details/{id}?changed=status");
        }
        // The consent problem is answered in the override box, the one place on this form it can be.
        ModelState.AddFailure(outcome.Failure!, localizer, f => f == "consent" ? "Input.OverrideReason" : GovukHtml.ToInputKey(f));
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await change.WithdrawConsentAsync(id, new WithdrawConsentRequest(Withdraw.Reason, null), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Referrals/Details/{id}?changed=withdrawn");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, f => "Withdraw." + char.ToUpperInvariant(f[0]) + f[1..]);
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await reader.GetAsync(db.Referrals.Include(r => r.Agency).Include(r => r.PersonRecord), r => r.Id == id, AuditEntities.Referral, id, r => r.ForceId,
            r => (View: ReferralsApi.View(r), Name: r.PersonRecord!.FullName, Agency: r.Agency?.Name), null, cancellationToken);
        if (outcome.Failure is NotFound)
        {
            return NotFound();
        }
        // Changing a referral is for its own force; another force's would need a purpose, and has no business here.
        if (!outcome.Succeeded || outcome.Value.View.ForceId != user.ForceId)
        {
            return Forbid();
        }
        (Referral, PersonName, AgencyName) = outcome.Value;
        Input.Status ??= Referral.Status;
        Input.Outcome ??= Referral.Outcome;
        return Page();
    }

    public sealed class StatusInput
    {
        public string? Status { get; set; }
        public string? Outcome { get; set; }
        public string? OverrideReason { get; set; }
    }

    public sealed class WithdrawInput
    {
        public string? Reason { get; set; }
    }
}
