using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Linking.Engine;

namespace Vigil.Features.People;

/// <summary>
/// Keeps every person record attached to the right identity. Called inside a unit of work after records are
/// saved or decisions change: it brings the in-memory index up to date, resolves any record not yet resolved,
/// moves records between identities where the clusters changed (audited as merges and splits, each with its
/// reason), and files possible matches in the uncertain band for a person to review.
/// </summary>
public sealed class PersonResolution(AppDbContext db, PersonIndex index, AuditLog audit, TimeProvider time)
{
    private const int Chunk = 500;

    /// <summary>Resolves every record that has no identity yet. Must run inside a unit of work.</summary>
    public async Task ResolvePendingAsync(string reason, CancellationToken cancellationToken)
    {
        RequireUnitOfWork();
        var resolver = index.Resolver;
        if (resolver is null || !await CatchUpAsync(resolver, cancellationToken))
        {
            await RebuildAsync(reason, cancellationToken);
            return;
        }
        var pending = await LoadRecordsAsync(db.PersonRecords.Where(r => r.Id > index.MaxRecordId), cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }
        // A rollback must not leave records in the index that the database never kept.
        db.OnRollback.Add(index.Invalidate);
        var results = new List<ResolveResult>();
        foreach (var record in pending)
        {
            var result = resolver.Add(PersonIndex.Prepare(record));
            if (record.PersonId is null)
            {
                results.Add(result);
            }
        }
        index.Appended(pending[^1].Id, pending.Count);
        var unresolved = pending.Where(r => r.PersonId is null).Select(r => r.Id).ToList();
        if (unresolved.Count > 0)
        {
            await ReconcileAsync(resolver, unresolved, reason, cancellationToken);
            await FilePossibleMatchesAsync(results, cancellationToken);
        }
    }

    /// <summary>
    /// Rebuilds the index from every record and every active decision, then moves records to match. Used on
    /// first use, after a decision is made or revoked, and when another process changed decisions.
    /// </summary>
    public async Task RebuildAsync(string reason, CancellationToken cancellationToken)
    {
        RequireUnitOfWork();
        db.OnRollback.Add(index.Invalidate);
        var resolver = new Resolver(PersonIndex.Model);
        var decisions = await db.MatchDecisions.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var d in decisions.Where(d => d.Active))
        {
            if (d.SamePerson)
            {
                resolver.DecideSame(PersonIndex.Key(d.RecordAId), PersonIndex.Key(d.RecordBId));
            }
            else
            {
                resolver.DecideDifferent(PersonIndex.Key(d.RecordAId), PersonIndex.Key(d.RecordBId));
            }
        }
        var records = await LoadRecordsAsync(db.PersonRecords, cancellationToken);
        var results = new List<ResolveResult>();
        foreach (var record in records)
        {
            var result = resolver.Add(PersonIndex.Prepare(record));
            if (record.PersonId is null)
            {
                results.Add(result);
            }
        }
        index.Replace(resolver, records.Count == 0 ? 0 : records[^1].Id, records.Count, Stamp(decisions));
        if (records.Count > 0)
        {
            await ReconcileAsync(resolver, affected: null, reason, cancellationToken);
            await FilePossibleMatchesAsync(results, cancellationToken);
        }
    }

    /// <summary>
    /// Whether the index can simply append what is new. False when records vanished or decisions changed
    /// (another process decided, or a database was reset), which needs a rebuild.
    /// </summary>
    private async Task<bool> CatchUpAsync(Resolver resolver, CancellationToken cancellationToken)
    {
        var decisions = await db.MatchDecisions.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), MaxId = g.Max(d => d.Id), Revoked = g.Count(d => d.RevokedAt != null) })
            .FirstOrDefaultAsync(cancellationToken);
        var stamp = decisions is null ? (0, 0L, 0) : (decisions.Count, decisions.MaxId, decisions.Revoked);
        if (stamp != index.DecisionStamp)
        {
            return false;
        }
        var older = await db.PersonRecords.CountAsync(r => r.Id <= index.MaxRecordId, cancellationToken);
        return older == index.RecordCount && resolver.Count == index.RecordCount;
    }

    private static (int, long, int) Stamp(List<MatchDecision> decisions) =>
        (decisions.Count, decisions.Count == 0 ? 0 : decisions.Max(d => d.Id), decisions.Count(d => !d.Active));

    private static async Task<List<PersonRecord>> LoadRecordsAsync(IQueryable<PersonRecord> query, CancellationToken cancellationToken) =>
        await query.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Gives each cluster touching <paramref name="affected"/> (or every cluster) one identity and moves records
    /// to it. A cluster keeps the identity most of its records already have; an identity can go to only one
    /// cluster (the one with its earliest record); a cluster with none free takes back an identity its records
    /// were merged out of, so undoing a merge restores the old reference, and only otherwise gets a new one.
    /// </summary>
    private async Task ReconcileAsync(Resolver resolver, IReadOnlyCollection<long>? affected, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = affected is null
            ? await db.PersonRecords.AsNoTracking().Select(r => new { r.Id, r.PersonId }).ToDictionaryAsync(r => r.Id, r => r.PersonId, cancellationToken)
            : await ClosureAsync(resolver, affected, cancellationToken);

        var clusters = current.Keys
            .GroupBy(id => resolver.ClusterOf(PersonIndex.Key(id)))
            .Select(g => g.OrderBy(id => id).ToList())
            .OrderBy(c => c[0])
            .ToList();

        var claimed = new Dictionary<long, List<long>>();
        var unassigned = new List<List<long>>();
        foreach (var cluster in clusters)
        {
            var keep = cluster.Where(id => current[id] is not null).GroupBy(id => current[id]!.Value)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => (long?)g.Key).FirstOrDefault(p => !claimed.ContainsKey(p!.Value));
            if (keep is long person)
            {
                claimed[person] = cluster;
            }
            else
            {
                unassigned.Add(cluster);
            }
        }

        foreach (var cluster in unassigned)
        {
            var revived = await RevivableAsync(cluster, claimed, cancellationToken);
            if (revived is not null)
            {
                revived.MergedIntoId = null;
                revived.MergedAt = null;
                claimed[revived.Id] = cluster;
                audit.Add(AuditActions.Split, AuditEntities.Person, revived.Id, detail: $"Restored with records {Records(cluster)}: {reason}");
                continue;
            }
            var fresh = new Person { CreatedAt = now };
            db.People.Add(fresh);
            await db.SaveChangesAsync(cancellationToken);
            claimed[fresh.Id] = cluster;
            if (cluster.Any(id => current[id] is not null))
            {
                audit.Add(AuditActions.Split, AuditEntities.Person, fresh.Id, detail: $"New identity for records {Records(cluster)}: {reason}");
            }
            else
            {
                audit.Add(AuditActions.Create, AuditEntities.Person, fresh.Id, detail: $"Records {Records(cluster)}: {reason}");
            }
        }

        var target = claimed.SelectMany(c => c.Value.Select(id => (Record: id, Person: c.Key))).ToDictionary(x => x.Record, x => x.Person);
        var moves = target.Where(t => current[t.Key] != t.Value).ToList();
        foreach (var group in moves.GroupBy(m => m.Value))
        {
            foreach (var chunk in group.Select(m => m.Key).Chunk(Chunk))
            {
                await db.PersonRecords.Where(r => chunk.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.PersonId, group.Key), cancellationToken);
            }
        }
        foreach (var (record, person) in moves)
        {
            var from = current[record];
            db.PersonRecordMoves.Add(new PersonRecordMove { PersonRecordId = record, FromPersonId = from, ToPersonId = person, At = now, Reason = Truncate(reason, 400) });
            if (from is null)
            {
                audit.Add(AuditActions.Resolve, AuditEntities.PersonRecord, record, detail: $"{PersonRecord.Reference(record)} resolved to {Person.Reference(person)}: {reason}");
            }
        }

        // Identities no record points at any more were merged into the identity that took most of their records.
        var previous = current.Values.Where(p => p is not null).Select(p => p!.Value).Distinct().ToList();
        foreach (var gone in previous.Where(p => !claimed.ContainsKey(p)))
        {
            var into = current.Where(c => c.Value == gone).GroupBy(c => target[c.Key]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var person = await db.People.FirstAsync(p => p.Id == gone, cancellationToken);
            person.MergedIntoId = into;
            person.MergedAt = now;
            audit.Add(AuditActions.Merge, AuditEntities.Person, gone, detail: $"{Person.Reference(gone)} merged into {Person.Reference(into)}: {reason}");
        }
        // Identities that kept some records but lost others were split.
        foreach (var kept in previous.Where(claimed.ContainsKey))
        {
            var lost = current.Where(c => c.Value == kept && target[c.Key] != kept).Select(c => c.Key).ToList();
            if (lost.Count > 0)
            {
                audit.Add(AuditActions.Split, AuditEntities.Person, kept, detail: $"Records {Records(lost)} moved out of {Person.Reference(kept)}: {reason}");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await SupersedeAsync(target, now, cancellationToken);
    }

    /// <summary>
    /// Every record whose identity could change: the affected records, everyone in their clusters, and every
    /// other record of the identities those clusters currently touch, repeated until nothing new is found.
    /// </summary>
    private async Task<Dictionary<long, long?>> ClosureAsync(Resolver resolver, IReadOnlyCollection<long> affected, CancellationToken cancellationToken)
    {
        var current = new Dictionary<long, long?>();
        var persons = new HashSet<long>();
        var frontier = affected.ToHashSet();
        while (frontier.Count > 0)
        {
            var members = frontier.SelectMany(id => resolver.MembersOf(PersonIndex.Key(id))).Select(PersonIndex.RecordId)
                .Where(id => !current.ContainsKey(id)).ToHashSet();
            members.UnionWith(frontier.Where(id => !current.ContainsKey(id)));
            var newPersons = new HashSet<long>();
            foreach (var chunk in members.Chunk(Chunk))
            {
                var rows = await db.PersonRecords.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.PersonId }).ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    current[row.Id] = row.PersonId;
                    if (row.PersonId is long p && persons.Add(p))
                    {
                        newPersons.Add(p);
                    }
                }
            }
            frontier = [];
            foreach (var chunk in newPersons.Chunk(Chunk))
            {
                var ids = await db.PersonRecords.AsNoTracking().Where(r => r.PersonId != null && chunk.Contains(r.PersonId.Value)).Select(r => r.Id).ToListAsync(cancellationToken);
                frontier.UnionWith(ids.Where(id => !current.ContainsKey(id)));
            }
        }
        return current;
    }

    /// <summary>An identity this cluster's records were merged out of, if it is free to come back.</summary>
    private async Task<Person?> RevivableAsync(List<long> cluster, Dictionary<long, List<long>> claimed, CancellationToken cancellationToken)
    {
        var history = new List<PersonRecordMove>();
        foreach (var chunk in cluster.Chunk(Chunk))
        {
            history.AddRange(await db.PersonRecordMoves.AsNoTracking().Where(m => chunk.Contains(m.PersonRecordId) && m.FromPersonId != null).ToListAsync(cancellationToken));
        }
        foreach (var candidate in history.OrderByDescending(m => m.Id).Select(m => m.FromPersonId!.Value).Distinct())
        {
            if (claimed.ContainsKey(candidate))
            {
                continue;
            }
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == candidate, cancellationToken);
            if (person?.MergedIntoId is not null && !await db.PersonRecords.AnyAsync(r => r.PersonId == candidate, cancellationToken))
            {
                return person;
            }
        }
        return null;
    }

    /// <summary>Files uncertain pairs for review, once per pair, unless the two already share an identity.</summary>
    private async Task FilePossibleMatchesAsync(List<ResolveResult> results, CancellationToken cancellationToken)
    {
        var pairs = results.SelectMany(r => r.ForReview)
            .Select(p => (A: PersonIndex.RecordId(p.RecordA), B: PersonIndex.RecordId(p.RecordB), p.Weight))
            .Select(p => p.A < p.B ? p : (A: p.B, B: p.A, p.Weight))
            .DistinctBy(p => (p.A, p.B))
            .ToList();
        if (pairs.Count == 0)
        {
            return;
        }
        var ids = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().ToList();
        var personOf = new Dictionary<long, long?>();
        var existing = new HashSet<(long, long)>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            foreach (var row in await db.PersonRecords.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.PersonId }).ToListAsync(cancellationToken))
            {
                personOf[row.Id] = row.PersonId;
            }
            foreach (var m in await db.PossibleMatches.AsNoTracking().Where(m => chunk.Contains(m.RecordAId)).Select(m => new { m.RecordAId, m.RecordBId }).ToListAsync(cancellationToken))
            {
                existing.Add((m.RecordAId, m.RecordBId));
            }
        }
        // One question per pair of identities: a second pair between the same two people adds nothing to review.
        var persons = personOf.Values.Where(p => p is not null).Select(p => p!.Value).Distinct().ToList();
        var asked = new HashSet<(long?, long?)>();
        foreach (var chunk in persons.Chunk(Chunk))
        {
            var open = await (
                from m in db.PossibleMatches.AsNoTracking()
                join ra in db.PersonRecords on m.RecordAId equals ra.Id
                join rb in db.PersonRecords on m.RecordBId equals rb.Id
                where m.Status == PossibleMatchStatus.Open && ((ra.PersonId != null && chunk.Contains(ra.PersonId.Value)) || (rb.PersonId != null && chunk.Contains(rb.PersonId.Value)))
                select new { A = ra.PersonId, B = rb.PersonId }).ToListAsync(cancellationToken);
            foreach (var o in open)
            {
                asked.Add(PersonPair(o.A, o.B));
            }
        }
        var now = time.GetUtcNow();
        foreach (var (a, b, weight) in pairs.OrderByDescending(p => p.Weight))
        {
            if (existing.Contains((a, b)) || personOf[a] == personOf[b] || !asked.Add(PersonPair(personOf[a], personOf[b])))
            {
                continue;
            }
            var match = new PossibleMatch { RecordAId = a, RecordBId = b, Weight = weight, Probability = MatchModel.Probability(weight), FoundAt = now, Status = PossibleMatchStatus.Open };
            db.PossibleMatches.Add(match);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Open possible matches whose two records now share an identity need no decision any more.</summary>
    private async Task SupersedeAsync(Dictionary<long, long> target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var chunk in target.Keys.Chunk(Chunk))
        {
            var open = await db.PossibleMatches.Where(m => m.Status == PossibleMatchStatus.Open && (chunk.Contains(m.RecordAId) || chunk.Contains(m.RecordBId))).ToListAsync(cancellationToken);
            foreach (var m in open)
            {
                var a = target.TryGetValue(m.RecordAId, out var pa) ? pa : await PersonOfAsync(m.RecordAId, cancellationToken);
                var b = target.TryGetValue(m.RecordBId, out var pb) ? pb : await PersonOfAsync(m.RecordBId, cancellationToken);
                if (a == b)
                {
                    m.Status = PossibleMatchStatus.Superseded;
                    m.ClosedAt = now;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<long> PersonOfAsync(long recordId, CancellationToken cancellationToken) =>
        await db.PersonRecords.AsNoTracking().Where(r => r.Id == recordId).Select(r => r.PersonId ?? 0).FirstAsync(cancellationToken);

    private void RequireUnitOfWork()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Person resolution must run inside a unit of work.");
        }
    }

    private static (long?, long?) PersonPair(long? a, long? b) => (a ?? 0) <= (b ?? 0) ? (a, b) : (b, a);

    private static string Records(IEnumerable<long> ids)
    {
        var list = ids.Take(20).Select(PersonRecord.Reference).ToList();
        var more = ids.Count() - list.Count;
        return string.Join(", ", list) + (more > 0 ? $" and {more} more" : "");
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
