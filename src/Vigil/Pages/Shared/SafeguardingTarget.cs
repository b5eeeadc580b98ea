using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;

namespace Vigil.Pages.Shared;

/// <summary>
/// Whether the signed-in user's force holds the incident or case a safeguarding form is about, checked before the
/// form shows anything from it (names of victims, how it is classified).
/// </summary>
public static class SafeguardingTarget
{
    private enum Access
    {
        OwnForce,
        OtherForce,
        Missing,
    }

    private static async Task<Access> CheckAsync(AppDbContext db, CurrentUser user, long? incidentId, long? caseId, CancellationToken cancellationToken)
    {
        long? holder = incidentId is { } i
            ? await db.Incidents.Where(x => x.Id == i).Select(x => (long?)x.ForceId).FirstOrDefaultAsync(cancellationToken)
            : caseId is { } c ? await db.Cases.Where(x => x.Id == c).Select(x => (long?)x.ForceId).FirstOrDefaultAsync(cancellationToken) : null;
        return holder is null ? Access.Missing : holder == user.ForceId ? Access.OwnForce : Access.OtherForce;
    }

    /// <summary>Null when the user's force holds the incident or case, else the page to show instead (not found, forbidden).</summary>
    public static async Task<IActionResult?> RefusalAsync(PageModel page, AppDbContext db, CurrentUser user, long? incidentId, long? caseId, CancellationToken cancellationToken) =>
        await CheckAsync(db, user, incidentId, caseId, cancellationToken) switch
        {
            Access.Missing => page.NotFound(),
            Access.OtherForce => page.Forbid(),
            _ => null,
        };
}
