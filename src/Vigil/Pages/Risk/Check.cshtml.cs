using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Risk;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Risk;

/// <summary>Check your answers, then complete: from then on the assessment counts and is never changed.</summary>
[Authorize(Policy = Policies.RecordSafeguarding)]
public sealed class CheckModel(RiskAssessmentQueries queries, RiskAssessmentWorkflow workflow, AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> localizer)
    : RiskDraftPage(queries, user)
{
    public RiskReference Reference { get; private set; } = RiskReference.Default;

    public string VictimName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } other)
        {
            return other;
        }
        var outcome = await workflow.CompleteAsync(Id, new CompleteRiskAssessmentRequest(Assessment!.Version.ToString()), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Risk/Assessment?id={Id}&completed=true");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, _ => string.Empty);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(cancellationToken) is { } other)
        {
            return other;
        }
        Reference = await RiskReference.ForForceAsync(db, Assessment!.ForceId, cancellationToken);
        VictimName = await db.PersonRecords.Where(p => p.Id == Assessment.VictimId).Select(p => p.GivenName + " " + p.FamilyName).FirstAsync(cancellationToken);
        return null;
    }
}
