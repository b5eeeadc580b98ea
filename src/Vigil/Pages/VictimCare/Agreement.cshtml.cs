using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.VictimCare;

namespace Vigil.Pages.VictimCare;

/// <summary>
/// Records or revises a victim's contact agreement on a case: a revision is a new row, so the history of what was
/// agreed, and when, stays on the page below the form.
/// </summary>
public sealed class AgreementModel(VictimContactPanelHandler panel, RecordContactAgreementHandler record, IStringLocalizer<SharedResource> localizer)
    : VictimCarePage(panel, localizer)
{
    public override long? SelectedVictimId => Input.VictimId;

    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long caseId, long? victimId, bool recorded, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(caseId, recorded, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        // Revising starts from what is agreed now, so the officer changes only what the victim asked to change.
        Input.VictimId = victimId ?? (Panel!.Victims.Count == 1 ? Panel.Victims[0].PersonRecordId : null);
        if (Panel!.Current.FirstOrDefault(a => a.VictimId == Input.VictimId) is { } current)
        {
            Input.Frequency = current.Frequency.ToString();
            Input.Method = current.Method?.ToString();
            Input.SafeContact = current.SafeContact;
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long caseId, CancellationToken cancellationToken)
    {
        // Binding problems (a tampered field) are replaced by the handler's clearer messages.
        ModelState.Clear();
        return SubmitAsync(caseId, record.HandleAsync(new RecordContactAgreementRequest(
            Input.VictimId, null, caseId, Input.Frequency, string.IsNullOrEmpty(Input.Method) ? null : Input.Method, Input.SafeContact, null), cancellationToken), cancellationToken);
    }

    public sealed class AgreementInput
    {
        public long? VictimId { get; set; }
        public string? Frequency { get; set; }
        public string? Method { get; set; }
        public string? SafeContact { get; set; }
    }
}
