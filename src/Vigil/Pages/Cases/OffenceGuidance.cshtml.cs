using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Offences;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;
using Vigil.Pages.Shared;

namespace Vigil.Pages.Cases;

/// <summary>
/// A case's offence guidance: the points to prove of each offence, starting from s4A, with the records behind each
/// and what is still missing. Another force's case opens once a purpose is recorded on the case page.
/// </summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class OffenceGuidanceModel(GetOffenceGuidanceHandler guidance, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public OffenceGuidanceView? Guidance { get; private set; }

    public string? OwnerForce { get; private set; }

    public long CaseId { get; private set; }

    public bool CanRecordSafeguarding => user.IsInAnyRole(Roles.RecordSafeguarding) && Guidance?.OwnForce == true;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        CaseId = id;
        // Another force's case: the purpose is recorded on the case page, and the grant it gives covers this page.
        var read = await PurposeRead.LoadAsync(this, p => guidance.HandleAsync(id, p, cancellationToken), null, localizer);
        (Guidance, OwnerForce) = (read.Value, read.OwnerForce);
        return read.Response ?? Page();
    }

    /// <summary>Where a record the guidance rests on is shown: an incident on its own page, anything else in this page's list of records.</summary>
    public static string LinkTo(GuidanceSupportView support) =>
        support.Kind == nameof(SupportKind.Incident) ? $"/Incidents/Details/{support.Id}" : $"#{support.Reference}";
}
