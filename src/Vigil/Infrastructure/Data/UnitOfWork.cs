using Microsoft.EntityFrameworkCore;
using Vigil.Infrastructure.Http;

namespace Vigil.Infrastructure.Data;

public static class UnitOfWork
{
    // Any constant works; it only has to be the same in every Vigil process sharing the database.
    private const long AuditChainAdvisoryLock = 7_460_715_001;

    /// <summary>
    /// Runs a use case's writes and their audit events as one transaction: all commit or none do. The audit
    /// chain lock is held until commit, so two requests can never read the same "last hash"; on PostgreSQL a
    /// transaction-scoped advisory lock does the same across processes.
    /// </summary>
    public static async Task<Outcome<T>> RunAsync<T>(this AppDbContext db, Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }
        await AuditChain.Lock.WaitAsync(cancellationToken);
        AuditChain.MarkHeld(db);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainAdvisoryLock})", cancellationToken);
            }
            var outcome = await work(cancellationToken);
            if (outcome.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
                db.OnRollback.Clear();
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                RunRollbackSteps(db);
            }
            return outcome;
        }
        catch
        {
            db.ChangeTracker.Clear();
            RunRollbackSteps(db);
            throw;
        }
        finally
        {
            AuditChain.Unmark(db);
            AuditChain.Lock.Release();
        }
    }

    private static void RunRollbackSteps(AppDbContext db)
    {
        foreach (var step in db.OnRollback)
        {
            step();
        }
        db.OnRollback.Clear();
    }
}
