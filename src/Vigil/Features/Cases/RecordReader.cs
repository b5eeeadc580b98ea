using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

/// <summary>
/// Reads one record of any kind for the API the way every read in Vigil works: the force that made it reads it
/// (audited); another force first records a purpose (audited), as for incidents and cases.
/// </summary>
public sealed class RecordReader(AppDbContext db, RecordAccess access)
{
    public async Task<Outcome<TView>> GetAsync<TEntity, TView>(
        IQueryable<TEntity> query, Expression<Func<TEntity, bool>> match, string entityType, long id,
        Func<TEntity, long> forceOf, Func<TEntity, TView> view, string? purpose, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entity = await query.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(match, cancellationToken);
        if (entity is null)
        {
            return new NotFound();
        }
        var forceId = forceOf(entity);
        var forceCode = await db.Forces.Where(f => f.Id == forceId).Select(f => f.Code).FirstAsync(cancellationToken);
        var failure = await access.AuthoriseReadAsync(entityType, id, forceId, forceCode, purpose, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        return view(entity);
    }
}
