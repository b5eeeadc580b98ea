using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.People;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.ReadCaseData)]
public sealed class IndexModel(SearchPeopleHandler search, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DateOfBirth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Phone { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PageOf<PersonRecordSummary>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(DateOfBirth) && string.IsNullOrWhiteSpace(Phone))
        {
            return;
        }
        var outcome = await search.HandleAsync(new SearchPeopleRequest(Name, DateOfBirth, Phone, null, PageNumber ?? 1, 20), cancellationToken);
        if (outcome.Succeeded)
        {
            Results = outcome.Value;
        }
        else
        {
            ModelState.AddFailure(outcome.Failure!, localizer, f => f switch
            {
                "name" => "Name",
                "dateOfBirth" => "DateOfBirth",
                "phone" => "Phone",
                _ => string.Empty,
            });
        }
    }

    public string PageUrl(int page) =>
        $"/People?Name={Uri.EscapeDataString(Name ?? "")}&DateOfBirth={Uri.EscapeDataString(DateOfBirth ?? "")}&Phone={Uri.EscapeDataString(Phone ?? "")}&p={page}";
}
