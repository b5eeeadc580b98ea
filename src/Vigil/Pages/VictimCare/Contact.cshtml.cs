using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.VictimCare;

namespace Vigil.Pages.VictimCare;

/// <summary>
/// Records a contact with a victim of the case — what was said and what it told them — and lists every contact
/// with the case's victims, newest first. What a contact tells is what the "Tell the victim" panel counts as told.
/// </summary>
public sealed class ContactModel(VictimContactPanelHandler panel, RecordVictimContactHandler record, IStringLocalizer<SharedResource> localizer)
    : VictimCarePage(panel, localizer)
{
    public override long? SelectedVictimId => Input.VictimId;

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long caseId, long? victimId, string? informs, bool recorded, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(caseId, recorded, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        Input.VictimId = victimId ?? (Panel!.Victims.Count == 1 ? Panel.Victims[0].PersonRecordId : null);
        // From the "Tell the victim" panel: the development to tell is ticked already.
        if (informs is not null && Enum.GetNames<VictimInformed>().Contains(informs, StringComparer.Ordinal))
        {
            Input.Informs = [informs];
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long caseId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return SubmitAsync(caseId, record.HandleAsync(new RecordVictimContactRequest(
            Input.VictimId, Input.Summary, Input.Informs, null, null, caseId), cancellationToken), cancellationToken);
    }

    public sealed class ContactInput
    {
        public long? VictimId { get; set; }
        public string? Summary { get; set; }
        public List<string> Informs { get; set; } = [];
    }
}
