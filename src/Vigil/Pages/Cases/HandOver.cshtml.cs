using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;

namespace Vigil.Pages.Cases;

public sealed class HandOverModel(GetCaseHandler get, HandOverCaseHandler handOver, CaseOfficers officers, IStringLocalizer<SharedResource> localizer)
    : CaseFormPage(get, localizer)
{
    [BindProperty]
    public HandOverInput Input { get; set; } = new();

    public IReadOnlyList<OfficerOption> Officers { get; private set; } = [];
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadOptionsAsync(cancellationToken);
        return await SubmitAsync(id, handOver.HandleAsync(id, new HandOverCaseRequest(Version, Input.OfficerUserId, Input.Team, Input.Reason), cancellationToken), "handover", cancellationToken);
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        Officers = await officers.OfficersAsync(cancellationToken);
        Teams = await officers.TeamsAsync(cancellationToken);
    }

    public sealed class HandOverInput
    {
        public string? OfficerUserId { get; set; }
        public string? Team { get; set; }
        public string? Reason { get; set; }
    }
}
