using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Considerations;

public sealed record RecordConsiderationRequest(long? IncidentId, long? CaseId, string? What, string? Decision, string? Rationale, string? By);

/// <summary>Records that an option (SPO, DVPN, MARAC, arrest…) was considered, whether it was progressed, and why.</summary>
public sealed class RecordConsiderationHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordConsiderationRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordConsiderationRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (target, refused) = await RecordTarget.FindAsync(db, user, request.IncidentId, request.CaseId, errors, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var what = CaseRecordInput.Required<ConsiderationKind>(request.What, "what", errors);
        var decision = CaseRecordInput.Required<ConsiderationDecision>(request.Decision, "decision", errors);
        var rationale = CaseRecordInput.Text(request.Rationale, CaseRecordLimits.Rationale, "rationale", errors);
        var by = CaseRecordInput.By(request.By, user, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var consideration = writer.Stamp(new Consideration { What = what, Decision = decision, Rationale = rationale }, target!, by);
        return await writer.SaveAsync(consideration, target!, AuditEntities.Consideration, ConsiderationsApi.Reference, cancellationToken);
    }
}
