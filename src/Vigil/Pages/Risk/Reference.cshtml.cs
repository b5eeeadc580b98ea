using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Risk;
using Vigil.Features.Users;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Risk;

/// <summary>A force's risk reference data: DASH bands and red flags (changed here, with a reason) and every question's wording.</summary>
[Authorize(Policy = Policies.ConfigureRules)]
public sealed class ReferenceModel(RiskReferenceHandler handler, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? HighBand { get; set; }

    [BindProperty]
    public string? MediumBand { get; set; }

    [BindProperty]
    public string? RedFlags { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public RiskReferenceView? Current { get; private set; }

    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool changed, CancellationToken cancellationToken)
    {
        Changed = changed;
        Current = (await handler.GetAsync(cancellationToken)).Value;
        if (Current is null)
        {
            return Forbid();
        }
        HighBand = Current.HighBand.ToString(System.Globalization.CultureInfo.InvariantCulture);
        MediumBand = Current.MediumBand.ToString(System.Globalization.CultureInfo.InvariantCulture);
        RedFlags = string.Join(", ", Current.RedFlags);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Current = (await handler.GetAsync(cancellationToken)).Value;
        if (Current is null)
        {
            return Forbid();
        }
        static int? Number(string? text) => int.TryParse(text?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        var flags = (RedFlags ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outcome = await handler.ChangeAsync(new ChangeRiskReferenceRequest(Number(HighBand), Number(MediumBand), flags, null, Reason), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect("/Risk/Reference?changed=true");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
        {
            "highBand" => nameof(HighBand),
            "mediumBand" => nameof(MediumBand),
            "reason" => nameof(Reason),
            _ when field.StartsWith("redFlags", StringComparison.Ordinal) => nameof(RedFlags),
            _ => string.Empty,
        });
        return Page();
    }
}
