using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.AccessTokens;

/// <summary>Authenticates "Authorization: Bearer vgl_…" as the token's user, with that user's roles and force.</summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    UserManager<VigilUser> users,
    IUserClaimsPrincipalFactory<VigilUser> principals,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    // Writing "last used" on every call would turn each API read into a write; once an hour is enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromHours(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(AccessTokenHashing.TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return AuthenticateResult.Fail("Malformed access token.");
        }
        var hash = AccessTokenHashing.Hash(token);
        var now = time.GetUtcNow();
        var stored = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (stored is null || stored.RevokedAt is not null || stored.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired access token.");
        }
        var user = await users.FindByIdAsync(stored.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's user cannot sign in.");
        }
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > LastUsedResolution)
        {
            stored.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
