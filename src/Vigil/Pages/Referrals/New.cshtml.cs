using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Referrals;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Referrals;

/// <summary>Records a referral from a case: to whom, with what consent, or why without it.</summary>
[Authorize(Policy = Policies.RecordSafeguarding)]
public sealed class NewModel(GetCaseHandler get, MakeReferralHandler make, AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CaseView? Case { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Agencies { get; private set; } = [];

    /// <summary>Whether the user may record a referral without consent (to MARAC, MAPPA and the like).</summary>
    public bool CanOverride => user.IsInAnyRole(ReferralConsent.OverrideRoles);

    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(long caseId, CancellationToken cancellationToken) => LoadAsync(caseId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(long caseId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var loaded = await LoadAsync(caseId, cancellationToken);
        if (Case is null)
        {
            return loaded;
        }
        bool? consent = Input.Consent switch { "yes" => true, "no" => false, _ => null };
        if (consent is null)
        {
            // Asked before anything is written: "not recorded" is for histories, a new referral must answer it.
            ModelState.AddModelError("Input.Consent", localizer["Error.Referral.ConsentAnswer"]);
            return Page();
        }
        var outcome = await make.HandleAsync(new RecordReferralRequest(
            Input.PersonId, Input.To, consent, Input.Status, null, caseId, Input.Agency,
            consent == true ? Input.ConsentLevel : null, consent == false ? Input.OverrideReason : null), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Referrals/Details/{outcome.Value!.Id}?recorded=true");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, GovukHtml.ToInputKey);
        return Page();
    }

    private async Task<IActionResult> LoadAsync(long caseId, CancellationToken cancellationToken)
    {
        var outcome = await get.HandleAsync(caseId, null, cancellationToken);
        if (outcome.Failure is NotFound)
        {
            return NotFound();
        }
        if (outcome.Value is not { OwnForce: true } view)
        {
            return Forbid();
        }
        Case = view;
        Input.PersonId ??= view.VictimPersonRecordId;
        Agencies = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Code, a.Name)).ToList();
        return Page();
    }

    public sealed class ReferralInput
    {
        public long? PersonId { get; set; }
        public string? To { get; set; }
        public string? Agency { get; set; }
        public string? Status { get; set; }
        public string? Consent { get; set; }
        public string? ConsentLevel { get; set; }
        public string? OverrideReason { get; set; }
    }
}
