using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Evidence;
using Vigil.Features.Users;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Cases;

/// <summary>
/// The evidence plan of a case: every piece of evidence on it and its incidents with its status and deadlines,
/// the kinds nobody has recorded yet, and forms to record one and to change one's status. CCTV was lost because
/// nobody secured it before it was overwritten; the date it will be is asked for with it.
/// </summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class EvidenceModel(
    GetCaseHandler get, CasePlanQueries plan, RecordEvidenceHandler record, UpdateEvidenceHandler update, TimeProvider time, CurrentUser user,
    IStringLocalizer<SharedResource> localizer)
    : CasePlanPage(get, user, localizer)
{
    /// <summary>CCTV shown as at risk this close to being overwritten: the evidence-at-risk rule's default.</summary>
    private static readonly TimeSpan AtRiskWindow = TimeSpan.FromDays(3);

    public IReadOnlyList<EvidenceRow> Items { get; private set; } = [];

    public IReadOnlyList<EvidenceKind> Gaps { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>The reference of the item just recorded or changed, for the message.</summary>
    public string? Saved { get; private set; }

    [BindProperty]
    public EvidenceInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(long id, string? saved, string? changed, CancellationToken cancellationToken)
    {
        (Message, Saved) = IsReference(saved, "EVD") ? ("EvidencePlan.Saved", saved) : IsReference(changed, "EVD") ? ("EvidencePlan.Updated", changed) : (null, null);
        return LoadAsync(id, null, cancellationToken);
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
        var until = Date(Input.UntilDay, Input.UntilMonth, Input.UntilYear, "Input.UntilDay");
        var expected = Date(Input.ExpectedDay, Input.ExpectedMonth, Input.ExpectedYear, "Input.ExpectedDay");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await record.HandleAsync(new RecordEvidenceRequest(null, id, Input.Kind, Input.Status, until, expected, By: null, Input.Description), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Cases/Evidence/{id}?saved={outcome.Value!.Reference}");
        }
        ShowFailure(outcome.Failure!, e => e.Field switch
        {
            "kind" => ("Input.Kind", Localizer["Error.EvidencePlan.KindRequired"]),
            "status" => ("Input.Status", Localizer["Error.EvidencePlan.StatusRequired"]),
            "description" => ("Input.Description", Localizer[e.MessageKey, e.Args]),
            _ => null,
        });
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(long id, long item, string? status, string? version, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var loaded = await LoadAsync(id, null, cancellationToken);
        if (Case is null)
        {
            return loaded;
        }
        if (!CanRecord || Items.All(i => i.Id != item))
        {
            return Forbid();
        }
        var outcome = await update.HandleAsync(item, new UpdateEvidenceRequest(status, null, null, version), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Cases/Evidence/{id}?changed={outcome.Value!.Reference}");
        }
        ShowFailure(outcome.Failure!, e => ($"Status-{item}", Localizer[e.Field == "status" ? "Error.EvidencePlan.StatusRequired" : e.MessageKey, e.Args]));
        // Show the evidence as it is now, with the current versions, so the officer can try again.
        return await LoadAsync(id, null, cancellationToken);
    }

    /// <summary>Whether CCTV is close to being overwritten and nobody has secured it.</summary>
    public bool AtRisk(EvidenceRow row) =>
        row.Kind == EvidenceKind.CCTV && row.Status is EvidenceStatus.Available or EvidenceStatus.Requested
        && row.AvailableUntil is { } until && until - AtRiskWindow <= Now;

    protected override async Task LoadPlanAsync(CaseView view, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Items = await plan.EvidenceAsync(view.Id, Officer.ForceId, cancellationToken);
        Gaps = [.. Enum.GetValues<EvidenceKind>().Where(k => Items.All(i => i.Kind != k))];
    }

    /// <summary>An optional date: none when all three parts are blank, a problem beside the field when not a real date.</summary>
    private DateTimeOffset? Date(string? day, string? month, string? year, string key)
    {
        var value = UkTime.Parse(day, month, year, null, out var error);
        if (error is not null and not "Form.Date.Missing")
        {
            ModelState.AddModelError(key, Localizer[error]);
        }
        return value;
    }

    public sealed class EvidenceInput
    {
        public string? Kind { get; set; }
        public string? Status { get; set; }
        public string? Description { get; set; }
        public string? UntilDay { get; set; }
        public string? UntilMonth { get; set; }
        public string? UntilYear { get; set; }
        public string? ExpectedDay { get; set; }
        public string? ExpectedMonth { get; set; }
        public string? ExpectedYear { get; set; }
    }
}
