using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Features.Audit;
using Vigil.Infrastructure;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.AccessTokens;

public sealed record CreateAccessTokenRequest(string? Name);

/// <summary>The token itself appears only in this response; afterwards only its hash exists.</summary>
public sealed record AccessTokenCreated(long Id, string Name, string Token, DateTimeOffset ExpiresAt);

public sealed record AccessTokenView(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public sealed class CreateAccessTokenHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, IOptions<VigilOptions> options)
{
    public const int MaxActiveTokens = 10;

    public async Task<Outcome<AccessTokenCreated>> HandleAsync(CreateAccessTokenRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is < 3 or > 100)
        {
            errors.Add("name", "Error.Token.Name");
        }
        var now = time.GetUtcNow();
        var active = await db.PersonalAccessTokens.CountAsync(t => t.UserId == user.UserId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
        if (active >= MaxActiveTokens)
        {
            errors.Add("name", "Error.Token.TooMany", MaxActiveTokens);
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var token = AccessTokenHashing.NewToken();
        var entity = new PersonalAccessToken
        {
            UserId = user.UserId!,
            Name = name,
            TokenHash = AccessTokenHashing.Hash(token),
            Prefix = token[..12],
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.AccessTokenLifetimeDays),
        };
        return await db.RunAsync<AccessTokenCreated>(async ct =>
        {
            db.PersonalAccessTokens.Add(entity);
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.Create, AuditEntities.AccessToken, entity.Id, detail: entity.Prefix);
            await db.SaveChangesAsync(ct);
            return new AccessTokenCreated(entity.Id, entity.Name, token, entity.ExpiresAt);
        }, cancellationToken);
    }
}

public sealed class ListAccessTokensHandler(AppDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<AccessTokenView>> HandleAsync(CancellationToken cancellationToken) =>
        (await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == user.UserId).ToListAsync(cancellationToken))
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new AccessTokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToList();
}

public sealed class RevokeAccessTokenHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time)
{
    public async Task<Outcome<bool>> HandleAsync(long id, CancellationToken cancellationToken)
    {
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == user.UserId, cancellationToken);
        if (token is null)
        {
            return new NotFound();
        }
        if (token.RevokedAt is not null)
        {
            return true;
        }
        return await db.RunAsync<bool>(async ct =>
        {
            token.RevokedAt = time.GetUtcNow();
            audit.Add(AuditActions.Update, AuditEntities.AccessToken, token.Id, detail: "revoked");
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }
}
