using Microsoft.EntityFrameworkCore;
using Vigil.Features.Forces;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

public sealed record OfficerOption(string UserId, string DisplayName, string? TeamCode);

public sealed record TeamOption(string Code, string Name, bool Specialist);

/// <summary>The officers and teams of the user's force that can hold a case, for the allocation choices.</summary>
public sealed class CaseOfficers(AppDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<OfficerOption>> OfficersAsync(CancellationToken cancellationToken) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where u.ForceId == user.ForceId && Roles.ManageCases.Contains(r.Name!)
               orderby u.DisplayName
               select new OfficerOption(u.Id, u.DisplayName, u.Team == null ? null : u.Team.Code))
            .Distinct()
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TeamOption>> TeamsAsync(CancellationToken cancellationToken) =>
        await db.Set<Team>().Where(t => t.ForceId == user.ForceId).OrderBy(t => t.Name)
            .Select(t => new TeamOption(t.Code, t.Name, t.Specialist)).ToListAsync(cancellationToken);
}
