using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Alerts;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Alerts;

/// <summary>The alert inbox: my alerts, my team's, or my force's, most severe and oldest first.</summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class IndexModel(ListAlertsHandler list, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PageOf<AlertSummary>? Results { get; private set; }

    public string CurrentScope => string.IsNullOrWhiteSpace(Scope) ? nameof(AlertScope.Mine) : Scope;

    public string CurrentState => string.IsNullOrWhiteSpace(State) ? nameof(AlertState.Open) : State;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await list.HandleAsync(new ListAlertsRequest(Scope, State, PageNumber, null), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
            {
                "page" => nameof(PageNumber),
                "scope" => nameof(Scope),
                "state" => nameof(State),
                _ => string.Empty,
            });
            return Page();
        }
        Results = outcome.Value;
        return Page();
    }
}
