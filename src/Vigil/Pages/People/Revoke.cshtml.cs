using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.People;

/// <summary>Revokes a match decision, which undoes the merge or split it made. A rationale is required.</summary>
[Authorize(Policy = Policies.ResolvePeople)]
public sealed class RevokeModel(AppDbContext db, DecideMatchHandler decide, CurrentUser user, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public MatchDecisionView? Decision { get; private set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await decide.RevokeAsync(id, new RevokeDecisionInput(Rationale), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/People/Details/{outcome.Value!.RecordAId}?changed=revoked#identity");
        }
        if (outcome.Failure is Infrastructure.Http.Forbidden)
        {
            return Forbid();
        }
        ModelState.AddFailure(outcome.Failure!, localizer, field => field == "rationale" ? nameof(Rationale) : string.Empty);
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var decision = await db.MatchDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return NotFound();
        }
        // The same rule as revoking: a force sees and revokes only decisions about its own records.
        var ids = new[] { decision.RecordAId, decision.RecordBId };
        if (!await db.PersonRecords.AnyAsync(r => ids.Contains(r.Id) && r.ForceId == user.ForceId, cancellationToken))
        {
            return Forbid();
        }
        await audit.RecordReadAsync(AuditEntities.MatchDecision, id, purpose: null, cancellationToken);
        Decision = MatchViews.Decision(decision);
        return Page();
    }
}
