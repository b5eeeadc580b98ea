using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;
using Vigil.Pages.Shared;

namespace Vigil.Pages.Incidents;

[Authorize(Policy = Policies.ReadCaseData)]
public sealed class DetailsModel(GetIncidentHandler get, SafeguardingSummaryHandler safeguarding, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<SafeguardingEntry> Safeguarding { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Screened { get; set; }

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
        var read = await PurposeRead.LoadAsync(this, p => get.HandleAsync(id, p, cancellationToken), purpose, localizer);
        (Incident, OwnerForce) = (read.Value, read.OwnerForce);
        if (Incident is not null)
        {
            Safeguarding = await safeguarding.ForIncidentAsync(id, cancellationToken);
        }
        return read.Response ?? Page();
    }
}
