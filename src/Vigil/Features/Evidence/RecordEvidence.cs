using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Evidence;

public sealed record RecordEvidenceRequest(
    long? IncidentId, long? CaseId, string? Kind, string? Status, DateTimeOffset? AvailableUntil, DateTimeOffset? ExpectedBy, string? By,
    string? Description = null);

/// <summary>Records a piece of evidence and where it stands, with the dates that make it urgent.</summary>
public sealed class RecordEvidenceHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordEvidenceRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordEvidenceRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (target, refused) = await RecordTarget.FindAsync(db, user, request.IncidentId, request.CaseId, errors, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var kind = CaseRecordInput.Required<EvidenceKind>(request.Kind, "kind", errors);
        var status = CaseRecordInput.Required<EvidenceStatus>(request.Status, "status", errors);
        var by = CaseRecordInput.By(request.By, user, errors);
        var description = CaseRecordInput.Text(request.Description, EvidenceLimits.Description, "description", errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var item = writer.Stamp(new EvidenceItem
        {
            Kind = kind,
            Status = status,
            AvailableUntil = request.AvailableUntil?.ToUniversalTime(),
            ExpectedBy = request.ExpectedBy?.ToUniversalTime(),
            Description = description,
            RequestedAt = status == EvidenceStatus.Requested ? writer.Now : null,
        }, target!, by);
        return await writer.SaveAsync(item, target!, AuditEntities.Evidence, EvidenceApi.Reference, cancellationToken);
    }
}
