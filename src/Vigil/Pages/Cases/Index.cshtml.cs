using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Cases;

[Authorize(Policy = Policies.ReadCaseData)]
public sealed class IndexModel(ListCasesHandler list, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PageOf<CaseSummary>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await list.HandleAsync(new ListCasesRequest(Status, Mine, null, PageNumber ?? 1, 20), cancellationToken);
        if (outcome.Succeeded)
        {
            Results = outcome.Value;
        }
        else
        {
            ModelState.AddFailure(outcome.Failure!, localizer, f => f == "status" ? "Status" : string.Empty);
        }
    }

    public string PageUrl(int page) => $"/Cases?Status={Uri.EscapeDataString(Status ?? "")}&Mine={(Mine ? "true" : "false")}&p={page}";
}
