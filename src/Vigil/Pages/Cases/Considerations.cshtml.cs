using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Considerations;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Pages.Cases;

/// <summary>
/// The considerations log of a case: every option considered on it and its incidents with the decision and why,
/// the options nobody has decided on yet, and a form to record one. The reviews found no record of what
/// interventions were ever considered, so the page asks for the rationale even though the timeline allows none.
/// </summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class ConsiderationsModel(GetCaseHandler get, CasePlanQueries plan, RecordConsiderationHandler record, CurrentUser user, IStringLocalizer<SharedResource> localizer)
    : CasePlanPage(get, user, localizer)
{
    public IReadOnlyList<ConsiderationRow> Considered { get; private set; } = [];

    public IReadOnlyList<ConsiderationKind> NotYet { get; private set; } = [];

    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public Task<IActionResult> OnGetAsync(long id, string? saved, CancellationToken cancellationToken)
    {
        Message = IsReference(saved, "CON") ? saved : null;
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
        // The options are checked here too, so every problem shows at once and nothing is written unless all is well.
        if (!EnumInput.TryParse<ConsiderationKind>(What, out _))
        {
            ModelState.AddModelError(nameof(What), Localizer["Error.Considerations.WhatRequired"]);
        }
        if (!EnumInput.TryParse<ConsiderationDecision>(Decision, out _))
        {
            ModelState.AddModelError(nameof(Decision), Localizer["Error.Considerations.DecisionRequired"]);
        }
        if (string.IsNullOrWhiteSpace(Rationale))
        {
            ModelState.AddModelError(nameof(Rationale), Localizer["Error.Considerations.RationaleRequired"]);
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, null, cancellationToken);
        }
        var outcome = await record.HandleAsync(new RecordConsiderationRequest(null, id, What, Decision, Rationale, By: null), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/Cases/Considerations/{id}?saved={Uri.EscapeDataString(outcome.Value!.Reference)}");
        }
        ShowFailure(outcome.Failure!, _ => null);
        return await LoadAsync(id, null, cancellationToken);
    }

    protected override async Task LoadPlanAsync(CaseView view, CancellationToken cancellationToken)
    {
        Considered = await plan.ConsiderationsAsync(view.Id, cancellationToken);
        NotYet = [.. Enum.GetValues<ConsiderationKind>().Where(k => Considered.All(c => c.What != k))];
    }
}
