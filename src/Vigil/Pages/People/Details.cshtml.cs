using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;
using Vigil.Pages.Shared;

namespace Vigil.Pages.People;

[Authorize(Policy = Policies.ReadCaseData)]
public sealed class DetailsModel(GetPersonRecordHandler get, GetPersonHandler people, SafeguardingSummaryHandler safeguarding, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Orders, breaches and safeguarding records of the person in every force (all their linked records).</summary>
    public IReadOnlyList<SafeguardingEntry> Safeguarding { get; private set; } = [];

    public PersonRecordView? Person { get; private set; }

    /// <summary>The resolved identity the record belongs to: every force's records of the same human.</summary>
    public PersonView? Identity { get; private set; }

    public bool CanDecide => user.IsInAnyRole(Roles.ResolvePeople);

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
        // A person's identity and incident summaries always show; another force's contact details are withheld
        // by the handler until a purpose is given, so this page never needs the purpose form on its own.
        var read = await PurposeRead.LoadAsync(this, p => get.HandleAsync(id, p, cancellationToken), ModelState.IsValid ? purpose : null, localizer);
        Person = read.Value;
        if (read.Response is null && Person?.PersonId is long personId)
        {
            Identity = (await people.HandleAsync(personId, cancellationToken)).Value;
        }
        if (read.Response is null && Person is not null)
        {
            Safeguarding = await safeguarding.ForPeopleAsync(Identity?.Records.Select(r => r.Id).ToList() ?? [Person.Id], cancellationToken);
        }
        return read.Response ?? (Person is null ? Forbid() : Page());
    }
}
