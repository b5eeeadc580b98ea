using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.People.Review;

/// <summary>One possible match: the two records, the evidence, and (for roles that may) the decision.</summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class MatchModel(GetPossibleMatchHandler get, DecideMatchHandler decide, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PossibleMatchView? Match { get; private set; }

    public bool CanDecide => user.IsInAnyRole(Roles.ResolvePeople);

    [BindProperty]
    public bool? Same { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanDecide)
        {
            return Forbid();
        }
        ModelState.Clear();
        var outcome = await decide.ReviewAsync(id, new ReviewDecisionInput(Same, Rationale), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect("/People/Review?Decided=1");
        }
        if (outcome.Failure is Infrastructure.Http.NotFound)
        {
            return NotFound();
        }
        if (outcome.Failure is Forbidden)
        {
            return Forbid();
        }
        ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
        {
            "samePerson" => nameof(Same),
            "rationale" => nameof(Rationale),
            _ => string.Empty,
        });
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await get.HandleAsync(id, cancellationToken);
        return outcome.Failure switch
        {
            Infrastructure.Http.NotFound => NotFound(),
            Forbidden => Forbid(),
            _ => SetAndShow(outcome.Value!),
        };
    }

    private PageResult SetAndShow(PossibleMatchView match)
    {
        Match = match;
        return Page();
    }
}
