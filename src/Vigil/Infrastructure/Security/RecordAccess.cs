using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Features.Audit;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Infrastructure.Security;

/// <summary>
/// Need-to-know across forces. A user reads their own force's records freely (audited); another force's
/// full record opens only after they record a purpose, which the audit log keeps, and that purpose
/// then covers further reads of the same record for a configured time.
/// </summary>
public sealed class RecordAccess(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, IOptions<VigilOptions> options)
{
    public bool IsOwnForce(long forceId) => user.ForceId == forceId;

    /// <summary>Decides and audits a read of one record. Null means the read may go ahead.</summary>
    public async Task<Failure?> AuthoriseReadAsync(string entityType, long id, long ownerForceId, string ownerForceCode, string? purpose, CancellationToken cancellationToken)
    {
        if (IsOwnForce(ownerForceId))
        {
            await audit.RecordReadAsync(entityType, id, purpose: string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim(), cancellationToken);
            return null;
        }
        if (!string.IsNullOrWhiteSpace(purpose))
        {
            var trimmed = purpose.Trim();
            if (trimmed.Length < AuditLimits.PurposeMinimum || trimmed.Length > AuditLimits.Purpose)
            {
                return new Invalid([new FieldError("purpose", "Error.Purpose.Length", AuditLimits.PurposeMinimum, AuditLimits.Purpose)]);
            }
            await audit.RecordReadAsync(entityType, id, trimmed, cancellationToken);
            return null;
        }
        if (await HasPurposeGrantAsync(entityType, id, cancellationToken))
        {
            await audit.RecordReadAsync(entityType, id, purpose: null, cancellationToken);
            return null;
        }
        return new PurposeRequired(entityType, id, ownerForceCode);
    }

    public async Task<bool> HasPurposeGrantAsync(string entityType, long id, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - options.Value.PurposeGrantDuration;
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEvents.AnyAsync(
            a => a.UserId == user.UserId && a.EntityType == entityType && a.EntityId == entityId
                 && a.Action == AuditActions.ReadWithPurpose && a.At >= since,
            cancellationToken);
    }
}
