using System.Globalization;
using Vigil.Features.Alerts;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Audit;

/// <summary>
/// Adds audit events to the current unit of work. They are saved, and chained, by the same SaveChanges
/// as the write or read they describe, so nothing is recorded for a write that did not commit.
/// </summary>
public sealed class AuditLog(AppDbContext db, CurrentUser user, TimeProvider time, AlertEngine? alerts = null)
{
    public AuditEvent Add(string action, string entityType, string? entityId, string? purpose = null, string? detail = null)
    {
        var auditEvent = new AuditEvent
        {
            At = time.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName,
            Role = Truncate(user.RoleText, 200),
            ForceCode = user.ForceCode,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Purpose = purpose,
            Detail = Truncate(detail, 2000),
        };
        db.AuditEvents.Add(auditEvent);
        return auditEvent;
    }

    public AuditEvent Add(string action, string entityType, long entityId, string? purpose = null, string? detail = null) =>
        Add(action, entityType, entityId.ToString(CultureInfo.InvariantCulture), purpose, detail);

    /// <summary>Records a read and saves at once: a read has no other write to ride along with.</summary>
    public async Task RecordReadAsync(string entityType, long entityId, string? purpose, CancellationToken cancellationToken)
    {
        await db.RunAsync<bool>(async ct =>
        {
            Add(purpose is null ? AuditActions.Read : AuditActions.ReadWithPurpose, entityType, entityId, purpose);
            await db.SaveChangesAsync(ct);
            // Reads of people are what the misuse rule watches; judged in the same transaction as the audit line.
            if (alerts is not null && user.UserId is { } reader && entityType is AuditEntities.PersonRecord or AuditEntities.Person)
            {
                await alerts.RunAsync(RuleTrigger.ForRead(new RecordRead(reader, entityType, entityId, purpose)), ct);
            }
            return true;
        }, cancellationToken);
    }

    /// <summary>Records a search with its criteria: who looked for whom matters to misuse checks.</summary>
    public async Task RecordSearchAsync(string entityType, string criteria, CancellationToken cancellationToken)
    {
        await db.RunAsync<bool>(async ct =>
        {
            Add(AuditActions.Search, entityType, entityId: null, purpose: null, detail: criteria);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
