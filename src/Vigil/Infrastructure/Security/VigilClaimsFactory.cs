using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;

namespace Vigil.Infrastructure.Security;

/// <summary>Puts the user's force (or agency) and display name into their claims at sign-in.</summary>
internal sealed class VigilClaimsFactory(UserManager<VigilUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<VigilUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(VigilUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(VigilClaims.DisplayName, user.DisplayName));
        if (user.ForceId is long forceId)
        {
            var code = await db.Forces.Where(f => f.Id == forceId).Select(f => f.Code).FirstAsync();
            identity.AddClaim(new Claim(VigilClaims.ForceId, forceId.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(VigilClaims.ForceCode, code));
        }
        if (user.AgencyId is long agencyId)
        {
            identity.AddClaim(new Claim(VigilClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
