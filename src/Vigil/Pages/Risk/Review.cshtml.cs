using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Risk;
using Vigil.Features.Users;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Risk;

/// <summary>A supervisor reviews the grade of a completed assessment: endorse, raise, or lower with reason (never below an actuarial high).</summary>
[Authorize(Policy = Policies.ReviewRisk)]
public sealed class ReviewModel(RiskAssessmentQueries queries, RiskAssessmentWorkflow workflow, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public string? Grade { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public RiskAssessment? Assessment { get; private set; }

    public RiskIndicators? Indicators { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } other)
        {
            return other;
        }
        Grade = Assessment!.EffectiveGrade?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await LoadAsync(cancellationToken) is { } other)
        {
            return other;
        }
        var outcome = await workflow.ReviewAsync(Id, new ReviewRiskAssessmentRequest(Grade, Rationale), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Risk/Assessment?id={Id}&reviewed=true");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
        {
            "grade" => nameof(Grade),
            "rationale" => nameof(Rationale),
            _ => string.Empty,
        });
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var read = await queries.GetAsync(Id, null, cancellationToken);
        if (RiskLinks.Refusal(this, read.Failure) is { } refused)
        {
            return refused;
        }
        (Assessment, Indicators, _) = read.Value;
        return null;
    }
}
