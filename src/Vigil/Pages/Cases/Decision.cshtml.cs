using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;

namespace Vigil.Pages.Cases;

public sealed class DecisionModel(GetCaseHandler get, RecordOffenceDecisionHandler decide, IStringLocalizer<SharedResource> localizer)
    : CaseFormPage(get, localizer)
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return SubmitAsync(id, decide.HandleAsync(id, new OffenceDecisionRequest(Version, Input.Offence, Input.Rationale), cancellationToken), "decision", cancellationToken);
    }

    public sealed class DecisionInput
    {
        public string? Offence { get; set; }
        public string? Rationale { get; set; }
    }
}
