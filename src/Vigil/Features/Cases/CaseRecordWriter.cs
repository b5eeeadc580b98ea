using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

/// <summary>
/// Saves one new record of any kind the way every write in Vigil is saved: the record, its audit event and the
/// rules it triggers in one transaction, so a crash can neither lose the alerts of a committed write nor leave
/// alerts for a write that never committed.
/// </summary>
public sealed class CaseRecordWriter(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, AlertEngine alerts)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public string? UserId => user.UserId;

    /// <summary>Fills the shared columns of a record about an incident or a case.</summary>
    public T Stamp<T>(T record, RecordTarget target, string byName) where T : CaseRecord
    {
        record.ForceId = target.ForceId;
        record.IncidentId = target.IncidentId;
        record.CaseId = target.CaseId;
        record.RecordedAt = time.GetUtcNow();
        record.RecordedByUserId = user.UserId;
        record.ByName = byName;
        return record;
    }

    /// <summary>
    /// Adds the record, audits it as <paramref name="auditEntity"/>, and runs the rules over the incidents
    /// <paramref name="incidentIds"/> returns once the record has its id.
    /// </summary>
    public Task<Outcome<RecordCreated>> SaveAsync<T>(
        T record, string auditEntity, Func<T, long> id, Func<long, string> reference,
        Func<T, CancellationToken, Task<IReadOnlyList<long>>> incidentIds, CancellationToken cancellationToken, long? caseId = null)
        where T : class =>
        db.RunAsync<RecordCreated>(async ct =>
        {
            db.Add(record);
            await db.SaveChangesAsync(ct);
            var recordId = id(record);
            audit.Add(AuditActions.Create, auditEntity, recordId);
            await db.SaveChangesAsync(ct);
            await alerts.RunAsync(new RuleTrigger(await incidentIds(record, ct), caseId is { } c ? [c] : null, Written: [new WrittenRecord(auditEntity, recordId)]), ct);
            return new RecordCreated(recordId, reference(recordId));
        }, cancellationToken);

    /// <summary>For records about a person or an order rather than an incident: the rules see the record alone.</summary>
    public static Task<IReadOnlyList<long>> NoIncidents<T>(T record, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<long>>([]);

    /// <summary>The same for a record about an incident or a case: the rules look at its incidents.</summary>
    public Task<Outcome<RecordCreated>> SaveAsync<T>(T record, RecordTarget target, string auditEntity, Func<long, string> reference, CancellationToken cancellationToken)
        where T : CaseRecord =>
        SaveAsync(record, auditEntity, r => r.Id, reference,
            async (_, ct) => await target.IncidentIdsAsync(db, ct), cancellationToken, target.CaseId);
}
