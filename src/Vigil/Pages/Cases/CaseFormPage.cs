using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Cases;

/// <summary>
/// The shape shared by the one-question case pages (hand over, offence decision, outcome): show the case,
/// carry the version read, run one handler, go back to the case on success.
/// </summary>
[Authorize(Policy = Policies.ManageCases)]
public abstract class CaseFormPage(GetCaseHandler get, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CaseView? Case { get; private set; }

    [BindProperty]
    public string? Version { get; set; }

    protected IStringLocalizer Localizer => localizer;

    protected async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await get.HandleAsync(id, null, cancellationToken);
        if (outcome.Failure is NotFound)
        {
            return NotFound();
        }
        if (outcome.Value is not { OwnForce: true } view)
        {
            return Forbid();
        }
        Case = view;
        Version ??= view.Version;
        return Page();
    }

    protected async Task<IActionResult> SubmitAsync(long id, Task<Outcome<CaseCreated>> change, string changed, CancellationToken cancellationToken)
    {
        var outcome = await change;
        if (outcome.Succeeded)
        {
            return Redirect($"/Cases/Details/{id}?changed={changed}");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, GovukHtml.ToInputKey);
        if (outcome.Failure is Conflict)
        {
            // Show the case as it is now, so the officer can see what changed and try again.
            Version = null;
        }
        return await LoadAsync(id, cancellationToken);
    }
}
