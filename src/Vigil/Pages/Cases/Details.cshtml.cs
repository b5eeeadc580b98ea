using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;
using Vigil.Pages.Shared;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Cases;

[Authorize(Policy = Policies.ReadCaseData)]
public sealed class DetailsModel(GetCaseHandler get, AddCaseIncidentsHandler addIncidents, SafeguardingSummaryHandler safeguarding, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<SafeguardingEntry> Safeguarding { get; private set; } = [];

    public CaseView? Case { get; private set; }

    public string? OwnerForce { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? Purpose { get; set; }

    public bool CanManage => user.IsInAnyRole(Roles.ManageCases) && Case?.OwnForce == true;

    public bool CanRecordSafeguarding => user.IsInAnyRole(Roles.RecordSafeguarding) && Case?.OwnForce == true;

    public Task<IActionResult> OnGetAsync(long id, bool opened, string? changed, CancellationToken cancellationToken)
    {
        Message = opened ? "Case.OpenedMessage" : changed switch
        {
            "handover" => "Case.HandedOverMessage",
            "decision" => "Case.DecisionMessage",
            "outcome" => "Case.OutcomeMessage",
            "incident" => "Case.IncidentAddedMessage",
            "impact" => "Case.ImpactRecordedMessage",
            _ => null,
        };
        return LoadAsync(id, null, cancellationToken);
    }

    public Task<IActionResult> OnPostPurposeAsync(long id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Purpose))
        {
            ModelState.AddModelError("Purpose", localizer["Error.Purpose.Required"]);
        }
        return LoadAsync(id, ModelState.IsValid ? Purpose : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddIncidentAsync(long id, string? version, string? incidentReference, CancellationToken cancellationToken)
    {
        var text = (incidentReference ?? "").Trim().ToUpperInvariant();
        if (text.StartsWith("INC", StringComparison.Ordinal))
        {
            text = text[3..];
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var incidentId))
        {
            ModelState.AddModelError("IncidentReference", localizer["Error.Case.IncidentReference"]);
            return await LoadAsync(id, null, cancellationToken);
        }
        var outcome = await addIncidents.HandleAsync(id, new AddCaseIncidentsRequest(version, [incidentId]), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Cases/Details/{id}?changed=incident");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, _ => "IncidentReference");
        return await LoadAsync(id, null, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        var read = await PurposeRead.LoadAsync(this, p => get.HandleAsync(id, p, cancellationToken), purpose, localizer);
        (Case, OwnerForce) = (read.Value, read.OwnerForce);
        if (read.Response is null && Case is not null)
        {
            Safeguarding = await safeguarding.ForCaseAsync(Case.Id, cancellationToken);
        }
        return read.Response ?? Page();
    }
}
