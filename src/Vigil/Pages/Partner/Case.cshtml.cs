using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Partners;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Partner;

/// <summary>
/// A case as a partner advocate may see it, and where they tell the officers what they know. A case not referred
/// to their agency with consent in force is a 403 page (audited by the handler), whether or not it exists.
/// </summary>
[Authorize(Policy = Policies.PartnerAccess)]
public sealed class CaseModel(PartnerCasesHandler handler, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PartnerCaseView? Case { get; private set; }

    public bool Recorded { get; private set; }

    [BindProperty]
    public NoteInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(long id, bool recorded, CancellationToken cancellationToken)
    {
        Recorded = recorded;
        return LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await handler.RecordNoteAsync(id, new PartnerNoteRequest(Input.Kind, Input.Text), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Partner/Case/{id}?recorded=true");
        }
        if (outcome.Failure is Forbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        ModelState.AddFailure(outcome.Failure!, localizer, GovukHtml.ToInputKey);
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await handler.GetAsync(id, cancellationToken);
        if (outcome.Value is not { } view)
        {
            // Not referred, no consent, consent withdrawn or no such case: the same answer for all, so nothing leaks.
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Case = view;
        return Page();
    }

    public sealed class NoteInput
    {
        public string? Kind { get; set; }
        public string? Text { get; set; }
    }
}
