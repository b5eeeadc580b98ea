using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Risk;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;

namespace Vigil.Pages.Risk;

/// <summary>
/// One risk assessment as recorded: answers, the officer's grade and reasons, every supervisor review, the
/// indicators, and the victim's other assessments. Read through the audited read; another force's assessment
/// needs a recorded purpose, as every cross-force read does.
/// </summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class AssessmentModel(RiskAssessmentQueries queries, AppDbContext db, CurrentUser user) : PageModel
{
    public RiskAssessment? Assessment { get; private set; }

    public RiskIndicators? Indicators { get; private set; }

    public RiskReference Reference { get; private set; } = RiskReference.Default;

    public IReadOnlyList<RiskHistoryEntry> History { get; private set; } = [];

    public string VictimName { get; private set; } = "";

    public bool Completed { get; private set; }

    public bool Reviewed { get; private set; }

    public bool CanReview => user.IsInAnyRole(Roles.ReviewRisk) && Assessment is { } a && a.ForceId == user.ForceId && a.Status == RiskAssessmentStatus.Complete;

    public bool CanContinue => user.IsInAnyRole(Roles.RecordSafeguarding) && Assessment is { } a && a.ForceId == user.ForceId && a.Status == RiskAssessmentStatus.Draft;

    public async Task<IActionResult> OnGetAsync(long id, bool completed, bool reviewed, CancellationToken cancellationToken)
    {
        var read = await queries.GetAsync(id, null, cancellationToken);
        if (RiskLinks.Refusal(this, read.Failure) is { } refused)
        {
            return refused;
        }
        (Assessment, Indicators, _) = read.Value;
        Completed = completed;
        Reviewed = reviewed;
        Reference = await RiskReference.ForForceAsync(db, Assessment.ForceId, cancellationToken);
        VictimName = await db.PersonRecords.Where(p => p.Id == Assessment.VictimId).Select(p => p.GivenName + " " + p.FamilyName).FirstAsync(cancellationToken);
        History = (await queries.HistoryAsync(Assessment.VictimId, cancellationToken)).Value ?? [];
        return Page();
    }
}
