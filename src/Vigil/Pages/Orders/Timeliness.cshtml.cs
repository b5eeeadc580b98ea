using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Pages.Orders;

/// <summary>How long the force's stalking protection orders take from first report, step by step.</summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class TimelinessModel(SpoTimelinessHandler timeliness) : PageModel
{
    public SpoTimelinessReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await timeliness.ForForceAsync(cancellationToken);
        if (!outcome.Succeeded)
        {
            return Forbid();
        }
        Report = outcome.Value;
        return Page();
    }
}
