using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Incidents;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Incidents;

[Authorize(Policy = Policies.ReadCaseData)]
public sealed class DetailsModel(GetIncidentHandler get, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IncidentView? Incident { get; private set; }

    public string Reference { get; private set; } = "";

    public string? OwnerForce { get; private set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Recorded { get; set; }

    public bool CanOpenCase => user.IsInAnyRole(Roles.ManageCases);

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, null, cancellationToken);

    public Task<IActionResult> OnPostPurposeAsync(long id, CancellationToken cancellationToken)
    {
        Recorded = false;
        if (string.IsNullOrWhiteSpace(Purpose))
        {
            ModelState.AddModelError("Purpose", localizer["Error.Purpose.Required"]);
        }
        return LoadAsync(id, ModelState.IsValid ? Purpose : null, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        Reference = Features.Incidents.Incident.Reference(id);
        var outcome = await get.HandleAsync(id, purpose, cancellationToken);
        switch (outcome.Failure)
        {
            case null:
                Incident = outcome.Value;
                return Page();
            case Vigil.Infrastructure.Http.NotFound:
                return NotFound();
            case PurposeRequired required:
                OwnerForce = required.ForceCode;
                return Page();
            case Invalid invalid:
                ModelState.AddFailure(invalid, localizer, _ => "Purpose");
                OwnerForce = (await get.HandleAsync(id, null, cancellationToken)).Failure is PurposeRequired again ? again.ForceCode : null;
                return Page();
            default:
                return Forbid();
        }
    }
}
