using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Cases;

/// <summary>Opens a case over the incidents chosen on a person's page or an incident page.</summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class OpenModel(OpenCaseHandler open, GetIncidentHandler getIncident, CaseOfficers officers, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public IReadOnlyList<IncidentView> Incidents { get; private set; } = [];
    public IReadOnlyList<PartyChoice> Victims { get; private set; } = [];
    public IReadOnlyList<PartyChoice> Suspects { get; private set; } = [];
    public IReadOnlyList<OfficerOption> Officers { get; private set; } = [];
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];

    public sealed record PartyChoice(long PersonRecordId, string Label);

    public async Task OnGetAsync([FromQuery] List<long> incidentIds, CancellationToken cancellationToken)
    {
        Input.IncidentIds = incidentIds;
        Input.OfficerUserId = user.UserId;
        await LoadAsync(cancellationToken);
        Input.VictimPersonRecordId = Victims.Count == 1 ? Victims[0].PersonRecordId : null;
        Input.SuspectPersonRecordId = Suspects.Count == 1 ? Suspects[0].PersonRecordId : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await open.HandleAsync(new OpenCaseRequest(Input.IncidentIds, Input.VictimPersonRecordId, Input.SuspectPersonRecordId, Input.OfficerUserId, Input.Team, null, null), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Cases/Details/{outcome.Value!.Id}?opened=true");
        }
        ModelState.AddFailure(outcome.Failure!, localizer, f => GovukHtml.ToInputKey(f.Split('[')[0]));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var incidents = new List<IncidentView>();
        foreach (var id in Input.IncidentIds.Distinct().Take(CaseLimits.Incidents))
        {
            // Another force's incident shows here only if the user already recorded a purpose for it.
            if ((await getIncident.HandleAsync(id, null, cancellationToken)).Value is { } incident)
            {
                incidents.Add(incident);
            }
        }
        Incidents = incidents;
        Input.IncidentIds = incidents.Select(i => i.Id).ToList();
        var parties = incidents.SelectMany(i => i.Parties).ToList();
        Victims = Choices(parties, nameof(PartyRole.Victim));
        Suspects = Choices(parties, nameof(PartyRole.Suspect));
        Officers = await officers.OfficersAsync(cancellationToken);
        Teams = await officers.TeamsAsync(cancellationToken);
    }

    private static List<PartyChoice> Choices(List<PartyView> parties, string role) =>
        parties.Where(p => p.Role == role).GroupBy(p => p.PersonRecordId)
            .Select(g => new PartyChoice(g.Key, $"{g.First().Name} ({g.First().PersonReference}, {g.First().ForceCode})"))
            .ToList();

    public sealed class OpenInput
    {
        public List<long> IncidentIds { get; set; } = [];
        public long? VictimPersonRecordId { get; set; }
        public long? SuspectPersonRecordId { get; set; }
        public string? OfficerUserId { get; set; }
        public string? Team { get; set; }
    }
}
