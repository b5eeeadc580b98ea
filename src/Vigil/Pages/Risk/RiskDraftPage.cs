using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Features.Risk;
using Vigil.Infrastructure.Security;

namespace Vigil.Pages.Risk;

/// <summary>
/// What every step of the risk form shares: the draft being worked on, loaded through the audited read, and
/// refused to anyone outside the force that holds it. A completed assessment is never edited: its steps send the
/// reader to the assessment itself.
/// </summary>
public abstract class RiskDraftPage(RiskAssessmentQueries queries, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public RiskAssessment? Assessment { get; private set; }

    public RiskIndicators? Indicators { get; private set; }

    public RiskPicture? Picture { get; private set; }

    /// <summary>Loads the draft; the result is the page to show instead when it cannot be worked on.</summary>
    protected async Task<IActionResult?> LoadDraftAsync(CancellationToken cancellationToken)
    {
        var read = await queries.GetAsync(Id, null, cancellationToken);
        switch (read.Failure)
        {
            case Infrastructure.Http.NotFound:
                return NotFound();
            case null:
                break;
            default:
                return Forbid();
        }
        (Assessment, Indicators, Picture) = read.Value;
        if (Assessment.ForceId != user.ForceId)
        {
            return Forbid();
        }
        return Assessment.Status == RiskAssessmentStatus.Draft ? null : Redirect($"/Risk/Assessment?id={Id}");
    }
}

public static class RiskLinks
{
    /// <summary>The incident or case page an assessment belongs to.</summary>
    public static string Target(RiskAssessment assessment) =>
        assessment.CaseId is { } c ? $"/Cases/Details/{c}" : $"/Incidents/Details/{assessment.IncidentId}";
}
