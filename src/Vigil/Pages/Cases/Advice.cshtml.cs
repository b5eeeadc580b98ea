using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Offences;
using Vigil.Features.Users;
using Vigil.Features.VictimCare;
using Vigil.Infrastructure.Security;

namespace Vigil.Pages.Cases;

/// <summary>
/// Safety advice for a victim on a case: the officer chooses advice from our library and may add their own words,
/// which are checked (<see cref="AdviceCheck"/>) before saving. Unsafe or victim-blaming words are shown with the
/// reason, and the officer revises them or confirms they were said — the record is what the victim was told, so
/// confirmed unsafe advice is kept as given and the unsafe-advice rule asks a supervisor to put it right.
/// </summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class AdviceModel(
    GetCaseHandler get, CasePlanQueries plan, ImpactEvidenceChoices choices, RecordAdviceHandler record, CurrentUser user, IStringLocalizer<SharedResource> localizer)
    : CasePlanPage(get, user, localizer)
{
    public IReadOnlyList<VictimChoice> Victims { get; private set; } = [];

    public IReadOnlyList<AdviceRow> Given { get; private set; } = [];

    /// <summary>What the check found in the officer's own words, shown before anything is saved.</summary>
    public IReadOnlyList<AdviceConcern> Concerns { get; private set; } = [];

    [BindProperty]
    public long? VictimId { get; set; }

    [BindProperty]
    public List<string> Library { get; set; } = [];

    [BindProperty]
    public string? Own { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? saved, CancellationToken cancellationToken)
    {
        Message = IsReference(saved, "ADV") ? saved : null;
        var loaded = await LoadAsync(id, null, cancellationToken);
        VictimId ??= Victims.Count == 1 ? Victims[0].PersonRecordId : Case?.VictimPersonRecordId;
        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var loaded = await LoadAsync(id, null, cancellationToken);
        if (Case is null)
        {
            return loaded;
        }
        if (!CanRecord)
        {
            return Forbid();
        }
        var items = Library.Select(l => Enum.TryParse<AdviceItem>(l, out var item) && Enum.IsDefined(item) ? item : (AdviceItem?)null).OfType<AdviceItem>().Distinct().ToList();
        if (VictimId is null)
        {
            ModelState.AddModelError(nameof(VictimId), Localizer["Error.AdvicePage.VictimRequired"]);
        }
        if (items.Count == 0 && string.IsNullOrWhiteSpace(Own))
        {
            ModelState.AddModelError(nameof(Own), Localizer["Error.AdvicePage.Empty"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Concerns = AdviceCheck.Check(Own);
        if (Concerns.Count > 0 && !Confirm)
        {
            // Nothing is saved: the officer sees why and revises, or confirms these were the words used.
            return Page();
        }
        // The words the victim heard: the library items in the language they were given in, then the officer's own.
        var text = string.Join("\n", items.Select(i => Localizer[AdviceLibrary.TextKey(i)].Value).Append(Own?.Trim()).Where(t => !string.IsNullOrEmpty(t)));
        var outcome = await record.HandleAsync(new RecordAdviceRequest(VictimId, text, By: null, CaseId: id, Library: [.. items.Select(i => i.ToString())]), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Cases/Advice/{id}?saved={outcome.Value!.Reference}");
        }
        ShowFailure(outcome.Failure!, e => e.Field switch
        {
            "victimId" => (nameof(VictimId), Localizer[e.MessageKey, e.Args]),
            "text" => (nameof(Own), Localizer[e.MessageKey, e.Args]),
            _ => null,
        });
        return Page();
    }

    protected override async Task LoadPlanAsync(CaseView view, CancellationToken cancellationToken)
    {
        Victims = await choices.VictimsAsync(view.Id, cancellationToken);
        Given = await plan.AdviceAsync(view.Id, [.. Victims.Select(v => v.PersonRecordId)], cancellationToken);
    }
}
