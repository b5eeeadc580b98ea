using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Features.Partners;
using Vigil.Features.Users;

namespace Vigil.Pages.Partner;

/// <summary>A partner advocate's cases: those referred to their agency with the victim's consent in force.</summary>
[Authorize(Policy = Policies.PartnerAccess)]
public sealed class IndexModel(PartnerCasesHandler handler) : PageModel
{
    public IReadOnlyList<PartnerCaseSummary> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cases = (await handler.ListAsync(cancellationToken)).Value ?? [];
}
