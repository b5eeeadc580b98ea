using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.People;

/// <summary>
/// Merge or split by hand: "these two records are the same person" or "they are not", with a rationale.
/// Record A is the record the user came from; record B is chosen on the person page or typed as a reference.
/// </summary>
[Authorize(Policy = Policies.ResolvePeople)]
public sealed class DecideModel(AppDbContext db, GetPersonHandler people, DecideMatchHandler decide, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long A { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? B { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Same { get; set; }

    [BindProperty]
    public string? OtherReference { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public IdentityRecordView? RecordA { get; private set; }
    public IdentityRecordView? RecordB { get; private set; }
    public MatchExplanationView? Explanation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (B is null && !string.IsNullOrWhiteSpace(OtherReference))
        {
            B = ParseReference(OtherReference);
            if (B is null)
            {
                ModelState.AddModelError(nameof(OtherReference), localizer["Error.Match.Reference"]);
            }
        }
        else if (B is null)
        {
            ModelState.AddModelError(nameof(OtherReference), localizer["Error.Match.RecordRequired"]);
        }
        if (ModelState.IsValid)
        {
            var outcome = await decide.DecideAsync(new MatchDecisionInput(A, B, Same, Rationale), cancellationToken);
            if (outcome.Succeeded)
            {
                return Redirect($"/People/Details/{A}?changed=decision#identity");
            }
            ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
            {
                "recordB" => nameof(OtherReference),
                "samePerson" => nameof(Same),
                "rationale" => nameof(Rationale),
                _ => string.Empty,
            });
        }
        return await LoadAsync(cancellationToken) ?? Page();
    }

    /// <summary>"P000123", "p123" or "123".</summary>
    public static long? ParseReference(string text)
    {
        var t = text.Trim();
        if (t.StartsWith('P') || t.StartsWith('p'))
        {
            t = t[1..];
        }
        return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var a = await db.PersonRecords.AsNoTracking().Include(r => r.Force).FirstOrDefaultAsync(r => r.Id == A, cancellationToken);
        if (a is null)
        {
            return NotFound();
        }
        RecordA = people.Summary(a);
        await audit.RecordReadAsync(AuditEntities.PersonRecord, a.Id, purpose: null, cancellationToken);
        if (B is long b && await db.PersonRecords.AsNoTracking().Include(r => r.Force).FirstOrDefaultAsync(r => r.Id == b, cancellationToken) is { } other)
        {
            await audit.RecordReadAsync(AuditEntities.PersonRecord, other.Id, purpose: null, cancellationToken);
            RecordB = people.Summary(other);
            Explanation = MatchViews.Explain(a, other);
        }
        return null;
    }
}
