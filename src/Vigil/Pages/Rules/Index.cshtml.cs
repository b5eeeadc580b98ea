using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Features.Alerts;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;

namespace Vigil.Pages.Rules;

/// <summary>The rules Vigil runs and the thresholds they use in the reader's force, with who may change them.</summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class IndexModel(RuleSettingsHandler settings, CurrentUser user) : PageModel
{
    public IReadOnlyList<RuleView> Rules { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Changed { get; set; }

    public bool CanChange => user.IsInAnyRole(Features.Users.Roles.ConfigureRules);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await settings.ListAsync(cancellationToken);
        if (!outcome.Succeeded)
        {
            return Forbid();
        }
        Rules = outcome.Value!;
        return Page();
    }
}
