using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Evidence;

/// <summary>
/// A change to a piece of evidence: its new status, and the dates that go with it (when CCTV will be overwritten,
/// when a download is now expected). <see cref="Version"/> is the version read, so two officers cannot silently
/// overwrite each other.
/// </summary>
public sealed record UpdateEvidenceRequest(string? Status, DateTimeOffset? AvailableUntil, DateTimeOffset? ExpectedBy, string? Version);

/// <summary>
/// Changes where a piece of evidence stands. Only the force that holds it changes it; the change, from what to
/// what, is kept in the audit log (the item keeps only where it stands now), and the rules run again so securing
/// CCTV in time is seen at once.
/// </summary>
public sealed class UpdateEvidenceHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, AlertEngine alerts)
{
    public async Task<Outcome<RecordCreated>> HandleAsync(long id, UpdateEvidenceRequest request, CancellationToken cancellationToken)
    {
        var item = await db.EvidenceItems.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (item is null)
        {
            return new NotFound();
        }
        if (user.ForceId is null)
        {
            return new Forbidden("Error.NoForce");
        }
        if (item.ForceId != user.ForceId)
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        var errors = new ValidationErrors();
        if (!Guid.TryParse(request.Version, out var version))
        {
            errors.Add("version", "Error.Version.Required");
        }
        var status = CaseRecordInput.Required<EvidenceStatus>(request.Status, "status", errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (item.Version != version)
        {
            return new Conflict("Error.Version.Stale");
        }
        var now = time.GetUtcNow();
        var detail = $"{item.Status}->{status}";
        if (status == EvidenceStatus.Requested && item.RequestedAt is null)
        {
            item.RequestedAt = now;
        }
        item.Status = status;
        item.AvailableUntil = request.AvailableUntil?.ToUniversalTime() ?? item.AvailableUntil;
        item.ExpectedBy = request.ExpectedBy?.ToUniversalTime() ?? item.ExpectedBy;
        item.UpdatedAt = now;
        item.Version = Guid.NewGuid();
        try
        {
            return await db.RunAsync<RecordCreated>(async ct =>
            {
                audit.Add(AuditActions.Update, AuditEntities.Evidence, item.Id, detail: detail);
                await db.SaveChangesAsync(ct);
                var target = new RecordTarget(item.IncidentId, item.CaseId, item.ForceId);
                await alerts.RunAsync(new RuleTrigger(await target.IncidentIdsAsync(db, ct), item.CaseId is { } c ? [c] : null,
                    Written: [new WrittenRecord(AuditEntities.Evidence, item.Id)]), ct);
                return new RecordCreated(item.Id, EvidenceApi.Reference(item.Id));
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Error.Version.Stale");
        }
    }
}
