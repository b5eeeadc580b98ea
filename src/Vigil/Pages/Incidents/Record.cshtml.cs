using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Incidents;

/// <summary>
/// Records an incident on one page, in sections. Finding a party's existing record posts the form back and
/// shows the matches under that party, so the page works without JavaScript and nothing typed is lost.
/// </summary>
[Authorize(Policy = Policies.RecordIncidents)]
public sealed partial class RecordModel(
    RecordIncidentHandler record,
    SearchPeopleHandler search,
    GetPersonRecordHandler getPerson,
    CaseOfficers officers,
    SubmissionGuard submissions,
    Vigil.Infrastructure.Security.CurrentUser user,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxParties = 10;

    [BindProperty]
    public RecordInput Input { get; set; } = new();

    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];

    /// <summary>Search results per party row, shown as choices under that row.</summary>
    public Dictionary<int, IReadOnlyList<PersonRecordSummary>> Matches { get; } = [];

    public async Task OnGetAsync(long? victim, CancellationToken cancellationToken)
    {
        Input.Parties = [new PartyForm { Role = nameof(PartyRole.Victim) }, new PartyForm { Role = nameof(PartyRole.Suspect) }];
        Input.SubmissionId = Guid.NewGuid().ToString("N");
        if (victim is long id && (await getPerson.HandleAsync(id, null, cancellationToken)).Value is { } person)
        {
            Input.Parties[0].PersonRecordId = person.Id;
            Input.Parties[0].ChosenLabel = Label(person.GivenName, person.FamilyName, person.DateOfBirth, person.ForceName, person.Reference);
        }
        Teams = await officers.TeamsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostFindAsync(int party, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Teams = await officers.TeamsAsync(cancellationToken);
        if (party < 0 || party >= Input.Parties.Count)
        {
            return Page();
        }
        var row = Input.Parties[party];
        var name = $"{row.GivenName} {row.FamilyName}".Trim();
        var outcome = await search.HandleAsync(new SearchPeopleRequest(name, DobText(row), row.Phone, null, 1, 10), cancellationToken);
        if (outcome.Succeeded)
        {
            Matches[party] = outcome.Value!.Items;
            row.Searched = true;
        }
        else
        {
            ModelState.AddFailure(outcome.Failure!, localizer, f => f switch
            {
                "dateOfBirth" => $"Input.Parties[{party}].DobDay",
                "phone" => $"Input.Parties[{party}].Phone",
                _ => $"Input.Parties[{party}].FamilyName",
            });
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddPartyAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Input.Parties.Count < MaxParties)
        {
            Input.Parties.Add(new PartyForm { Role = nameof(PartyRole.Witness) });
        }
        Teams = await officers.TeamsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePartyAsync(int party, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (party >= 0 && party < Input.Parties.Count && Input.Parties.Count > 1)
        {
            Input.Parties.RemoveAt(party);
        }
        Teams = await officers.TeamsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Binding problems (a tampered field) are replaced by the handler's clearer messages below.
        ModelState.Clear();
        Teams = await officers.TeamsAsync(cancellationToken);
        var from = UkTime.Parse(Input.FromDay, Input.FromMonth, Input.FromYear, Input.FromTime, out var fromError);
        if (fromError is not null)
        {
            ModelState.AddModelError("Input.FromDay", localizer[fromError == "Form.Date.Missing" ? "Error.Incident.OccurredFromRequired" : fromError]);
        }
        DateTimeOffset? to = null;
        if (!string.IsNullOrWhiteSpace(Input.ToDay) || !string.IsNullOrWhiteSpace(Input.ToMonth) || !string.IsNullOrWhiteSpace(Input.ToYear))
        {
            to = UkTime.Parse(Input.ToDay, Input.ToMonth, Input.ToYear, Input.ToTime, out var toError);
            if (toError is not null)
            {
                ModelState.AddModelError("Input.ToDay", localizer[toError]);
            }
        }

        // Rows left completely empty are ignored; the map turns the request's party index back into the row.
        var rowOfParty = new List<int>();
        var parties = new List<PartyInput>();
        for (var i = 0; i < Input.Parties.Count; i++)
        {
            var row = Input.Parties[i];
            if (row.PersonRecordId is long existing)
            {
                parties.Add(new PartyInput(existing, null, row.Role));
            }
            else if (!string.IsNullOrWhiteSpace(row.GivenName) || !string.IsNullOrWhiteSpace(row.FamilyName))
            {
                parties.Add(new PartyInput(null, new PersonRecordInput(row.GivenName, row.FamilyName, null, DobText(row), row.Sex, null,
                    string.IsNullOrWhiteSpace(row.Phone) ? null : [row.Phone], null, null), row.Role));
            }
            else
            {
                continue;
            }
            rowOfParty.Add(i);
        }

        // With a date the page could not read, the handler is still asked (so every other problem is shown at
        // once) but without a start time, which guarantees it refuses and writes nothing.
        var dateProblems = !ModelState.IsValid;
        var request = new RecordIncidentRequest(
            Force: null,
            OccurredFrom: dateProblems ? null : from,
            OccurredTo: to,
            Classification: Input.Classification,
            IncludedClassifications: Input.Included,
            RecordedAsCrime: Input.Crime switch { "yes" => true, "no" => false, _ => null },
            Narrative: Input.Narrative,
            Behaviours: Input.Behaviours,
            Channels: Input.Channels,
            Location: string.IsNullOrWhiteSpace(Input.LocationText) ? null : new LocationInput(Input.LocationText, null, null),
            Parties: parties,
            Relationship: Input.Relationship,
            Impact: new ImpactInput(Input.FearOfViolence, Input.SeriousAlarmOrDistress, Input.ChangedRoutine),
            Domestic: Input.Domestic,
            Team: Input.Team,
            Officer: Input.Officer);
        Outcome<RecordIncidentResponse> outcome = default;
        var (recordedId, _) = await submissions.RunOnceAsync(user.UserId ?? "", Input.SubmissionId, async () =>
        {
            outcome = await record.HandleAsync(request, cancellationToken);
            return outcome.Value?.Id;
        });
        if (recordedId is long id)
        {
            // A second click on "Record incident" lands on the incident the first click recorded.
            return Redirect($"/Incidents/Details/{id}?recorded=true");
        }
        if (outcome.Failure is { } failure)
        {
            // Date errors were already explained from the date parts; do not repeat them.
            var filtered = failure is Invalid invalid
                ? new Invalid(invalid.Errors.Where(e => !(e.Field == "occurredFrom" && dateProblems)).ToList())
                : failure;
            ModelState.AddFailure(filtered, localizer, field => MapField(field, rowOfParty));
        }
        return Page();
    }

    [GeneratedRegex(@"^parties\[(\d+)\](?:\.(.+))?$")]
    private static partial Regex PartyField();

    private static string MapField(string field, List<int> rowOfParty)
    {
        var party = PartyField().Match(field);
        if (party.Success)
        {
            var index = int.Parse(party.Groups[1].Value, CultureInfo.InvariantCulture);
            var row = index < rowOfParty.Count ? rowOfParty[index] : 0;
            var rest = party.Groups[2].Value;
            var target = rest switch
            {
                "role" => "Role",
                "newPerson.givenName" => "GivenName",
                "newPerson.dateOfBirth" => "DobDay",
                "newPerson.sex" => "Sex",
                _ when rest.StartsWith("newPerson.phones", StringComparison.Ordinal) => "Phone",
                _ => "FamilyName",
            };
            return $"Input.Parties[{row}].{target}";
        }
        var root = field.Split('[', '.')[0];
        return root switch
        {
            "occurredFrom" => "Input.FromDay",
            "occurredTo" => "Input.ToDay",
            "includedClassifications" => "Input.Included",
            "recordedAsCrime" => "Input.Crime",
            "behaviours" => "Input.Behaviours",
            "channels" => "Input.Channels",
            "location" => "Input.LocationText",
            "parties" => "Input.Parties",
            _ => GovukHtml.ToInputKey(root),
        };
    }

    /// <summary>The partial date the party's date parts spell, or the raw parts for the handler to refuse.</summary>
    private static string? DobText(PartyForm row)
    {
        var (d, m, y) = (row.DobDay?.Trim(), row.DobMonth?.Trim(), row.DobYear?.Trim());
        if (string.IsNullOrEmpty(d) && string.IsNullOrEmpty(m) && string.IsNullOrEmpty(y))
        {
            return null;
        }
        static string Pad(string? part) => part is { Length: 1 } ? "0" + part : part ?? "";
        if (string.IsNullOrEmpty(d) && string.IsNullOrEmpty(m))
        {
            return y;
        }
        return string.IsNullOrEmpty(d) ? $"{y}-{Pad(m)}" : $"{y}-{Pad(m)}-{Pad(d)}";
    }

    public static string Label(string given, string family, string? dob, string forceName, string reference) =>
        $"{given} {family}, {dob ?? "?"} — {forceName} ({reference})";

    public sealed class RecordInput
    {
        public string? FromDay { get; set; }
        public string? FromMonth { get; set; }
        public string? FromYear { get; set; }
        public string? FromTime { get; set; }
        public string? ToDay { get; set; }
        public string? ToMonth { get; set; }
        public string? ToYear { get; set; }
        public string? ToTime { get; set; }
        public string? Classification { get; set; }
        public List<string> Included { get; set; } = [];
        public string? Crime { get; set; }
        public bool Domestic { get; set; }
        public string? Relationship { get; set; }
        public List<string> Behaviours { get; set; } = [];
        public List<string> Channels { get; set; } = [];
        public bool FearOfViolence { get; set; }
        public bool SeriousAlarmOrDistress { get; set; }
        public bool ChangedRoutine { get; set; }
        public string? LocationText { get; set; }
        public string? Narrative { get; set; }
        public string? Team { get; set; }
        public string? Officer { get; set; }
        public string? SubmissionId { get; set; }
        public List<PartyForm> Parties { get; set; } = [];
    }

    public sealed class PartyForm
    {
        public string? Role { get; set; }
        public long? PersonRecordId { get; set; }
        public string? ChosenLabel { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public string? DobDay { get; set; }
        public string? DobMonth { get; set; }
        public string? DobYear { get; set; }
        public string? Sex { get; set; }
        public string? Phone { get; set; }
        public bool Searched { get; set; }
    }
}
