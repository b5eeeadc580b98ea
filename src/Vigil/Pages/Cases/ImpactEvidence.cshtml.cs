using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Offences;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Cases;

/// <summary>
/// Records impact evidence from the case page: what the victim said the conduct did to them, about the whole case
/// or one of its incidents. The page reads the form, asks <see cref="RecordImpactEvidenceHandler"/> (the API's
/// handler) and puts every problem it names beside its field.
/// </summary>
[Authorize(Policy = Policies.RecordSafeguarding)]
public sealed class ImpactEvidenceModel(
    GetCaseHandler get, ImpactEvidenceChoices choices, RecordImpactEvidenceHandler record, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The "about" choice meaning the whole case rather than one incident.</summary>
    public const string WholeCase = "case";

    public CaseView? Case { get; private set; }

    /// <summary>The case's incidents this force holds: only those can carry its records.</summary>
    public IReadOnlyList<CaseIncidentView> Incidents { get; private set; } = [];

    public IReadOnlyList<VictimChoice> Victims { get; private set; } = [];

    [BindProperty]
    public ImpactInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }
        Input.About = WholeCase;
        Input.VictimId = Case!.VictimPersonRecordId is long v && Victims.Any(x => x.PersonRecordId == v) ? v
            : Victims.Count == 1 ? Victims[0].PersonRecordId : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        // Binding problems (a tampered field) are replaced by the handler's clearer messages below.
        ModelState.Clear();
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }
        var obtained = UkTime.Parse(Input.ObtainedDay, Input.ObtainedMonth, Input.ObtainedYear, null, out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.ObtainedDay", localizer[dateError == "Form.Date.Missing" ? "Error.Impact.ObtainedRequired" : dateError]);
        }
        int? occasions = null;
        var occasionsText = Input.FearOccasions?.Trim();
        // The number is asked only under "fear of violence"; with that unticked, whatever is left in the hidden box is ignored.
        if (Input.Effects.Contains(nameof(ImpactEffect.FearOfViolence)) && !string.IsNullOrEmpty(occasionsText))
        {
            if (int.TryParse(occasionsText, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                occasions = n;
            }
            else
            {
                ModelState.AddModelError("Input.FearOccasions", localizer["Error.Impact.OccasionsRange", 1, ImpactEvidenceLimits.FearOccasions]);
                // Still ask the handler, with no number, so every other problem shows at once; with fear ticked and
                // no number it refuses, so nothing is written.
            }
        }
        long? incidentId = null;
        long? caseId = null;
        if (Input.About == WholeCase)
        {
            caseId = id;
        }
        else if (long.TryParse(Input.About, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && Incidents.Any(i => i.IncidentId == chosen))
        {
            incidentId = chosen;
        }
        var pageProblems = !ModelState.IsValid;
        var outcome = await record.HandleAsync(new RecordImpactEvidenceRequest(
            incidentId, caseId, Input.VictimId, Input.Kind, pageProblems ? null : obtained, Input.Summary,
            Input.Effects, occasions, Input.OtherEffect, By: null), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Cases/Details/{id}?changed=impact");
        }
        if (outcome.Failure is Invalid invalid)
        {
            // Problems the page already explained from what was typed are not repeated in the handler's words.
            var errors = invalid.Errors.Where(e => !(e.Field == "obtainedAt" && ModelState.HasError("Input.ObtainedDay"))
                && !(e.Field == "fearOccasions" && ModelState.HasError("Input.FearOccasions")));
            foreach (var error in errors)
            {
                var (key, message) = Field(error);
                ModelState.AddModelError(key, message);
            }
        }
        else if (outcome.Failure is { } failure)
        {
            ModelState.AddFailure(failure, localizer, GovukHtml.ToInputKey);
        }
        return Page();
    }

    /// <summary>The form field an API field error belongs to, with the message a person filling the form needs.</summary>
    private (string Key, string Message) Field(FieldError error) => error.Field switch
    {
        "incidentId" or "caseId" => ("Input.About", localizer[error.MessageKey, error.Args]),
        "victimId" when error.MessageKey == "Error.Target.PersonRequired" => ("Input.VictimId", localizer["Error.Impact.VictimRequired"]),
        "victimId" => ("Input.VictimId", localizer[error.MessageKey, error.Args]),
        "kind" => ("Input.Kind", localizer["Error.Impact.KindRequired"]),
        "obtainedAt" => ("Input.ObtainedDay", localizer[error.MessageKey, error.Args]),
        _ when error.Field.StartsWith("effects", StringComparison.Ordinal) => ("Input.Effects", localizer[error.MessageKey, error.Args]),
        _ => (GovukHtml.ToInputKey(error.Field), localizer[error.MessageKey, error.Args]),
    };

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await get.HandleAsync(id, null, cancellationToken);
        if (outcome.Failure is NotFound)
        {
            return NotFound();
        }
        if (outcome.Value is not { OwnForce: true } view)
        {
            return Forbid();
        }
        Case = view;
        Incidents = [.. view.Incidents.Where(i => i.ForceCode == user.ForceCode)];
        Victims = await choices.VictimsAsync(id, cancellationToken);
        return null;
    }

    public sealed class ImpactInput
    {
        public string? About { get; set; }
        public long? VictimId { get; set; }
        public string? Kind { get; set; }
        public string? ObtainedDay { get; set; }
        public string? ObtainedMonth { get; set; }
        public string? ObtainedYear { get; set; }
        public string? Summary { get; set; }
        public List<string> Effects { get; set; } = [];
        public string? FearOccasions { get; set; }
        public string? OtherEffect { get; set; }
    }
}
