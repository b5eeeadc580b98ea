using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.People.Review;

/// <summary>The review queue: pairs of records that may be one person, involving the reader's force.</summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class IndexModel(ListPossibleMatchesHandler list, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Decided { get; set; }

    public PageOf<PossibleMatchSummary>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await list.HandleAsync(new ListPossibleMatchesRequest(null, PageNumber, null), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, localizer, field => field == "page" ? nameof(PageNumber) : string.Empty);
            return Page();
        }
        Results = outcome.Value;
        return Page();
    }
}
