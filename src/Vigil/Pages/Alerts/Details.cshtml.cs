using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Alerts;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Alerts;

/// <summary>
/// One alert: why it fired, the records it rests on, its history, and the two answers — acknowledge, or resolve
/// with a rationale.
/// </summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class DetailsModel(GetAlertHandler get, AnswerAlertHandler answer, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AlertView? Alert { get; private set; }

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Changed { get; set; }

    public bool CanAnswer => user.IsInAnyRole(Roles.AnswerAlerts);

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken cancellationToken) =>
        AnswerAsync(id, resolve: false, cancellationToken);

    public Task<IActionResult> OnPostResolveAsync(long id, CancellationToken cancellationToken) =>
        AnswerAsync(id, resolve: true, cancellationToken);

    private async Task<IActionResult> AnswerAsync(long id, bool resolve, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!CanAnswer)
        {
            return Forbid();
        }
        var input = new AlertAnswerInput(Rationale);
        var outcome = resolve ? await answer.ResolveAsync(id, input, cancellationToken) : await answer.AcknowledgeAsync(id, input, cancellationToken);
        switch (outcome.Failure)
        {
            case null:
                return Redirect($"/Alerts/Details/{id}?changed={(resolve ? "resolved" : "acknowledged")}");
            case Infrastructure.Http.NotFound:
                return NotFound();
            case Infrastructure.Http.Forbidden:
                return Forbid();
        }
        ModelState.AddFailure(outcome.Failure!, localizer, field => field == "rationale" ? nameof(Rationale) : string.Empty);
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await get.HandleAsync(id, cancellationToken);
        switch (outcome.Failure)
        {
            case Infrastructure.Http.NotFound:
                return NotFound();
            case Infrastructure.Http.Forbidden:
                return Forbid();
        }
        Alert = outcome.Value;
        return Page();
    }
}
