using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;

namespace Vigil.Pages;

public sealed class IndexModel(CurrentUser user, ListIncidentsHandler incidents, ListCasesHandler cases) : PageModel
{
    public string DisplayName => user.DisplayName;
    public string? ForceCode => user.ForceCode;
    public bool CanRead { get; private set; }
    public bool CanRecord { get; private set; }
    public IReadOnlyList<IncidentSummary> Recent { get; private set; } = [];
    public IReadOnlyList<CaseSummary> MyCases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanRead = user.ForceId is not null && user.IsInAnyRole(Roles.ReadCaseData);
        CanRecord = user.ForceId is not null && user.IsInAnyRole(Roles.RecordIncidents);
        if (!CanRead)
        {
            return;
        }
        var recent = await incidents.HandleAsync(new ListIncidentsRequest(null, null, null, null, null, null, 1, 10), cancellationToken);
        Recent = recent.Value?.Items ?? [];
        if (user.IsInAnyRole(Roles.ManageCases))
        {
            var mine = await cases.HandleAsync(new ListCasesRequest("Open", true, null, 1, 10), cancellationToken);
            MyCases = mine.Value?.Items ?? [];
        }
    }
}
