using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Alerts;
using Vigil.Features.Users;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Rules;

/// <summary>Changes one threshold of one rule for the user's force, with the reason (audited).</summary>
[Authorize(Policy = Policies.ConfigureRules)]
public sealed class ThresholdModel(RuleSettingsHandler settings, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public RuleThresholdView? Threshold { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Value ??= Threshold!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        int? value = int.TryParse(Value?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var outcome = await settings.ChangeAsync(Rule!, Name!, new ChangeThresholdRequest(value, Reason), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Rules?changed={Uri.EscapeDataString(Rule!)}");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
        {
            "value" => nameof(Value),
            "reason" => nameof(Reason),
            _ => string.Empty,
        });
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var rules = await settings.ListAsync(cancellationToken);
        Threshold = rules.Value?.FirstOrDefault(r => r.Id == Rule)?.Thresholds.FirstOrDefault(t => t.Name == Name);
        return Threshold is not null;
    }
}
