using Microsoft.EntityFrameworkCore;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Cases;

/// <summary>Checks shared by the case use cases.</summary>
internal static class CaseRules
{
    public const int RationaleMinimum = 10;

    public static void ValidateRationale(string? rationale, string field, string requiredKey, ValidationErrors errors)
    {
        var text = rationale?.Trim() ?? "";
        if (text.Length < RationaleMinimum)
        {
            errors.Add(field, requiredKey, RationaleMinimum);
        }
        else if (text.Length > CaseLimits.Rationale)
        {
            errors.Add(field, "Error.Rationale.TooLong", CaseLimits.Rationale);
        }
    }

    /// <summary>The officer in case must be a police user of the same force who can hold cases.</summary>
    public static async Task<VigilUser?> FindOfficerAsync(AppDbContext db, string officerUserId, long forceId, string field, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var officer = await db.Users.FirstOrDefaultAsync(u => u.Id == officerUserId, cancellationToken);
        if (officer is null || officer.ForceId != forceId)
        {
            errors.Add(field, "Error.Case.OfficerUnknown");
            return null;
        }
        var holdsCases = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                where ur.UserId == officerUserId && Roles.ManageCases.Contains(r.Name!)
                                select ur).AnyAsync(cancellationToken);
        if (!holdsCases)
        {
            errors.Add(field, "Error.Case.OfficerCannotHold");
            return null;
        }
        return officer;
    }

    public static async Task<long?> FindTeamAsync(AppDbContext db, string? teamCode, long forceId, string field, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(teamCode))
        {
            return null;
        }
        var code = teamCode.Trim().ToUpperInvariant();
        var id = await db.Teams.Where(t => t.ForceId == forceId && t.Code == code).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add(field, "Error.Team.Unknown", teamCode);
        }
        return id;
    }
}
