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
    public enum Access
    {
        OwnForce,
        OtherForce,
        Missing,
    }

    public static async Task<Access> CheckAsync(AppDbContext db, CurrentUser user, long? incidentId, long? caseId, CancellationToken cancellationToken)
    {
        long? holder = incidentId is { } i
            ? await db.Incidents.Where(x => x.Id == i).Select(x => (long?)x.ForceId).FirstOrDefaultAsync(cancellationToken)
            : caseId is { } c ? await db.Cases.Where(x => x.Id == c).Select(x => (long?)x.ForceId).FirstOrDefaultAsync(cancellationToken) : null;
        return holder is null ? Access.Missing : holder == user.ForceId ? Access.OwnForce : Access.OtherForce;
    }
}
