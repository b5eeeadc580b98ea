using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Features.Risk;
using Vigil.Infrastructure.Http;
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
        if (RiskLinks.Refusal(this, read.Failure) is { } refused)
        {
            return refused;
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
    /// <summary>
    /// The page for a refused read: not found, or forbidden (another force's assessment; these pages take no
    /// purpose, the API does). Null when the read succeeded.
    /// </summary>
    public static IActionResult? Refusal(PageModel page, Failure? failure) => failure switch
    {
        null => null,
        Infrastructure.Http.NotFound => page.NotFound(),
        _ => page.Forbid(),
    };

    /// <summary>The incident or case page an assessment belongs to.</summary>
    public static string Target(RiskAssessment assessment) =>
        assessment.CaseId is { } c ? $"/Cases/Details/{c}" : $"/Incidents/Details/{assessment.IncidentId}";
}
