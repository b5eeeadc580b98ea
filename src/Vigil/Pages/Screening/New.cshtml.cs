using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Incidents;
using Vigil.Features.Risk;
using Vigil.Features.Screening;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;
using Vigil.Pages.Shared;

namespace Vigil.Pages.Screening;

/// <summary>
/// Screens an incident or a case for stalking: the FOUR questions and the stalking screening topics, each with why
/// it matters. When what is screened is recorded as anything other than stalking, the officer records why it is
/// not stalking ("think stalking first").
/// </summary>
[Authorize(Policy = Policies.RecordSafeguarding)]
public sealed class NewModel(AppDbContext db, RecordScreeningHandler handler, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public static readonly string[] Four = ["Fixated", "Obsessive", "Unwanted", "Repeated"];

    [BindProperty(SupportsGet = true)]
    public long? IncidentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? CaseId { get; set; }

    /// <summary>"yes" or "no" for each of the FOUR, "yes", "no" or "unknown" for each topic.</summary>
    [BindProperty]
    public Dictionary<string, string> Answers { get; set; } = [];

    [BindProperty]
    public string? NotStalkingReason { get; set; }

    /// <summary>How what is screened is recorded now; null when it is recorded as stalking.</summary>
    public Classification? RecordedAs { get; private set; }

    public RiskReference Reference { get; private set; } = RiskReference.Default;

    public string TargetReference => IncidentId is { } i ? Incident.Reference(i) : Features.Cases.Case.Reference(CaseId ?? 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        bool? Four(string name) => Answers.GetValueOrDefault(name) switch { "yes" => true, "no" => false, _ => null };
        var topics = RiskQuestions.Of(RiskTool.Stalking)
            .Where(q => Answers.GetValueOrDefault(q) is "yes" or "no")
            .ToDictionary(q => q, q => Answers[q] == "yes");
        var outcome = await handler.HandleAsync(new RecordScreeningRequest(IncidentId, CaseId, Four("Fixated"), Four("Obsessive"), Four("Unwanted"), Four("Repeated"),
            topics, null, NotStalkingReason, AskWhyNotStalking: true), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
            {
                "fixated" => "Answers[Fixated]",
                "notStalkingReason" => nameof(NotStalkingReason),
                _ => string.Empty,
            });
            return Page();
        }
        return Redirect((IncidentId is { } i ? $"/Incidents/Details/{i}" : $"/Cases/Details/{CaseId}") + "?screened=true#safeguarding");
    }

    /// <summary>Null when the page may be shown, else the page to show instead.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        // Screenings are made by the force holding the incident or case.
        if (await SafeguardingTarget.RefusalAsync(this, db, user, IncidentId, CaseId, cancellationToken) is { } refused)
        {
            return refused;
        }
        var force = IncidentId is { } i
            ? await db.Incidents.Where(x => x.Id == i).Select(x => x.ForceId).FirstOrDefaultAsync(cancellationToken)
            : await db.Cases.Where(x => x.Id == CaseId).Select(x => x.ForceId).FirstOrDefaultAsync(cancellationToken);
        Reference = await RiskReference.ForForceAsync(db, force, cancellationToken);
        var recorded = await handler.RecordedAsAsync(new Features.Cases.RecordTarget(IncidentId, CaseId, 0), cancellationToken);
        RecordedAs = recorded is { } c && !Classifications.Stalking.Contains(c) ? c : null;
        return null;
    }
}
