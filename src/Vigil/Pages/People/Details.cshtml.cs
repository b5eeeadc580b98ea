using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.People;

[Authorize(Policy = Policies.ReadCaseData)]
public sealed class DetailsModel(GetPersonRecordHandler get, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PersonRecordView? Person { get; private set; }

    [BindProperty]
    public string? Purpose { get; set; }

    public bool CanRecord => user.IsInAnyRole(Roles.RecordIncidents);

    public bool CanOpenCase => user.IsInAnyRole(Roles.ManageCases);

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, purpose: null, cancellationToken);

    public Task<IActionResult> OnPostPurposeAsync(long id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Purpose))
        {
            ModelState.AddModelError("Purpose", localizer["Error.Purpose.Required"]);
        }
        return LoadAsync(id, Purpose, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        var outcome = await get.HandleAsync(id, ModelState.IsValid ? purpose : null, cancellationToken);
        if (outcome.Failure is Invalid invalid)
        {
            ModelState.AddFailure(invalid, localizer, _ => "Purpose");
            outcome = await get.HandleAsync(id, null, cancellationToken);
        }
        if (outcome.Failure is NotFound)
        {
            return NotFound();
        }
        Person = outcome.Value;
        return Person is null ? Forbid() : Page();
    }
}
