using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Risk;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Risk;

/// <summary>The officer's grade and reasons, given with the indicators in view; saved into the draft.</summary>
[Authorize(Policy = Policies.RecordSafeguarding)]
public sealed class GradeModel(RiskAssessmentQueries queries, RiskAssessmentWorkflow workflow, CurrentUser user, IStringLocalizer<SharedResource> localizer)
    : RiskDraftPage(queries, user)
{
    [BindProperty]
    public string? Version { get; set; }

    [BindProperty]
    public string? Grade { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(cancellationToken) is { } other)
        {
            return other;
        }
        Version = Assessment!.Version.ToString();
        Grade = Assessment.Grade?.ToString();
        Rationale = Assessment.Rationale;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await LoadDraftAsync(cancellationToken) is { } other)
        {
            return other;
        }
        var errors = new Infrastructure.Http.ValidationErrors();
        // Checked here as well as on completion, so the officer hears it on the page where the grade is given.
        if (string.IsNullOrWhiteSpace(Grade))
        {
            errors.Add("grade", "Error.Risk.GradeRequired");
        }
        RiskGrading.CheckGradeHasRationale(string.IsNullOrWhiteSpace(Grade) ? null : RiskGrade.Standard, Rationale, errors);
        var outcome = errors.Any
            ? errors.ToFailure()
            : await workflow.SaveDraftAsync(Id, new SaveRiskDraftRequest(Version, null, Grade, Rationale ?? ""), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
            {
                "grade" => nameof(Grade),
                "rationale" => nameof(Rationale),
                _ => string.Empty,
            });
            return Page();
        }
        return Redirect($"/Risk/Check?id={Id}");
    }
}
