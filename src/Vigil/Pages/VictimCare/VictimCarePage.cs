using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Features.VictimCare;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.VictimCare;

/// <summary>
/// The shape the victim contact pages share: the case's victim contact panel (read, force-checked and audited by
/// <see cref="VictimContactPanelHandler"/>), one handler run on post, and back to the page with a banner.
/// </summary>
[Authorize(Policy = Policies.RecordSafeguarding)]
public abstract class VictimCarePage(VictimContactPanelHandler panel, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public VictimContactPanel? Panel { get; private set; }

    public bool Recorded { get; private set; }

    /// <summary>The victim chosen on the form, for the shared victim question.</summary>
    public abstract long? SelectedVictimId { get; }

    protected IStringLocalizer Localizer => localizer;

    protected async Task<IActionResult?> LoadAsync(long caseId, bool recorded, CancellationToken cancellationToken)
    {
        var outcome = await panel.ForCaseAsync(caseId, cancellationToken);
        if (outcome.Failure is NotFound)
        {
            return NotFound();
        }
        if (outcome.Failure is not null)
        {
            return Forbid();
        }
        Panel = outcome.Value;
        Recorded = recorded;
        return null;
    }

    /// <summary>Runs the handler; on success back to the page (a fresh read), else every problem beside its field.</summary>
    protected async Task<IActionResult> SubmitAsync(long caseId, Task<Outcome<RecordCreated>> record, CancellationToken cancellationToken)
    {
        var outcome = await record;
        if (outcome.Succeeded)
        {
            return Redirect($"{Request.Path}?caseId={caseId}&recorded=true");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, GovukHtml.ToInputKey);
        return await LoadAsync(caseId, false, cancellationToken) ?? Page();
    }
}
