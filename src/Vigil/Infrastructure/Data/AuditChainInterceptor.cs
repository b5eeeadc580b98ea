using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vigil.Features.Audit;

namespace Vigil.Infrastructure.Data;

/// <summary>
/// Gives every new <see cref="AuditEvent"/> its place in the hash chain as it is saved. Application code
/// saves inside <see cref="UnitOfWork.RunAsync{T}"/>, which already holds the chain lock for the whole
/// transaction; a bare SaveChanges (tools, tests) takes the lock for just that save.
/// </summary>
internal sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    // Contexts whose bare SaveChanges took the lock here, so only those are released afterwards.
    private static readonly ConditionalWeakTable<DbContext, object> LockedHere = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && PendingEvents(context) is { Count: > 0 } pending)
        {
            if (!AuditChain.IsHeldBy(context))
            {
                await AuditChain.Lock.WaitAsync(cancellationToken);
                LockedHere.AddOrUpdate(context, context);
            }
            try
            {
                var last = await context.Set<AuditEvent>().AsNoTracking()
                    .OrderByDescending(a => a.Sequence)
                    .Select(a => new { a.Sequence, a.Hash })
                    .FirstOrDefaultAsync(cancellationToken);
                Chain(pending, last?.Sequence ?? 0, last?.Hash ?? "");
            }
            catch
            {
                Release(context);
                throw;
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && PendingEvents(context) is { Count: > 0 } pending)
        {
            if (!AuditChain.IsHeldBy(context))
            {
                AuditChain.Lock.Wait();
                LockedHere.AddOrUpdate(context, context);
            }
            try
            {
                var last = context.Set<AuditEvent>().AsNoTracking()
                    .OrderByDescending(a => a.Sequence)
                    .Select(a => new { a.Sequence, a.Hash })
                    .FirstOrDefault();
                Chain(pending, last?.Sequence ?? 0, last?.Hash ?? "");
            }
            catch
            {
                Release(context);
                throw;
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private static List<AuditEvent> PendingEvents(DbContext context) =>
        context.ChangeTracker.Entries<AuditEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Sequence == 0)
            .Select(e => e.Entity)
            .ToList();

    private static void Chain(List<AuditEvent> pending, long lastSequence, string lastHash)
    {
        foreach (var auditEvent in pending)
        {
            // The hash covers the time, so it must be the time the database gives back: PostgreSQL keeps
            // microseconds and SQLite's integer encoding a tenth of a millisecond. Whole milliseconds survive both.
            auditEvent.At = AuditEvent.ToStoredPrecision(auditEvent.At);
            auditEvent.Sequence = ++lastSequence;
            auditEvent.PreviousHash = lastHash;
            auditEvent.Hash = auditEvent.ComputeHash();
            lastHash = auditEvent.Hash;
        }
    }

    private static void Release(DbContext? context)
    {
        if (context is not null && LockedHere.Remove(context))
        {
            AuditChain.Lock.Release();
        }
    }
}

/// <summary>The one lock that orders appends to the audit chain within this process.</summary>
internal static class AuditChain
{
    public static readonly SemaphoreSlim Lock = new(1, 1);

    private static readonly ConditionalWeakTable<DbContext, object> Holders = [];

    public static bool IsHeldBy(DbContext context) => Holders.TryGetValue(context, out _);

    public static void MarkHeld(DbContext context) => Holders.AddOrUpdate(context, context);

    public static void Unmark(DbContext context) => Holders.Remove(context);
}
