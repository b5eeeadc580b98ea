using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Incidents;
using Vigil.Features.Risk;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;
using Vigil.Pages.Shared;

namespace Vigil.Pages.Risk;

/// <summary>
/// Starts a risk assessment on an incident or a case: which victim and which tool. It is saved at once as a
/// draft, so nothing answered afterwards is lost if the officer is called away.
/// </summary>
[Authorize(Policy = Policies.RecordSafeguarding)]
public sealed class StartModel(AppDbContext db, RecordRiskAssessmentHandler handler, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? IncidentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? CaseId { get; set; }

    [BindProperty]
    public long? VictimId { get; set; }

    [BindProperty]
    public string? Tool { get; set; }

    public IReadOnlyList<(long Id, string Name, string Reference)> Victims { get; private set; } = [];

    public string TargetReference => IncidentId is { } i ? Incident.Reference(i) : $"CASE{CaseId:D6}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        VictimId ??= Victims.Count == 1 ? Victims[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var outcome = await handler.HandleAsync(new RecordRiskAssessmentRequest(VictimId, IncidentId, CaseId, Tool, null, null, null, null, Draft: true), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Risk/Questions?id={outcome.Value!.Id}&step=1");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
        {
            "victimId" => nameof(VictimId),
            "tool" => nameof(Tool),
            _ => string.Empty,
        });
        return Page();
    }

    /// <summary>Loads the victims of the incident or case; null when the page may be shown, else the page to show instead.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        // Assessments are made by the force holding the incident or case; another force's victims are not listed.
        if (await SafeguardingTarget.RefusalAsync(this, db, user, IncidentId, CaseId, cancellationToken) is { } refused)
        {
            return refused;
        }
        var incidents = IncidentId is { } i ? db.Incidents.Where(x => x.Id == i).Select(x => x.Id) : db.CaseIncidents.Where(c => c.CaseId == CaseId).Select(c => c.IncidentId);
        var rows = await db.IncidentParties.Where(p => p.Role == PartyRole.Victim && incidents.Contains(p.IncidentId))
            .Select(p => new { p.PersonRecordId, p.PersonRecord!.GivenName, p.PersonRecord.FamilyName })
            .Distinct().ToListAsync(cancellationToken);
        Victims = [.. rows.OrderBy(r => r.PersonRecordId).Select(r => (r.PersonRecordId, $"{r.GivenName} {r.FamilyName}", Features.People.PersonRecord.Reference(r.PersonRecordId)))];
        return null;
    }
}
