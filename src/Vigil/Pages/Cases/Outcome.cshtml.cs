using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;

namespace Vigil.Pages.Cases;

public sealed class OutcomeModel(GetCaseHandler get, RecordCaseOutcomeHandler record, IStringLocalizer<SharedResource> localizer)
    : CaseFormPage(get, localizer)
{
    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return SubmitAsync(id, record.HandleAsync(id, new CaseOutcomeRequest(Version, Input.Status, Input.Outcome), cancellationToken), "outcome", cancellationToken);
    }

    public sealed class OutcomeInput
    {
        public string? Status { get; set; }
        public int? Outcome { get; set; }
    }
}
