using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Offences;

public sealed record RecordImpactEvidenceRequest(
    long? IncidentId, long? CaseId, long? VictimId, string? Kind, DateTimeOffset? ObtainedAt, string? Summary,
    List<string>? Effects, int? FearOccasions, string? OtherEffect, string? By);

/// <summary>
/// Records what a victim said the conduct did to them (an account, a diary or an impact statement) on an incident
/// or a case. The rules run with it, so evidence that s4A fits reaches the investigator as soon as it is taken.
/// </summary>
public sealed class RecordImpactEvidenceHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordImpactEvidenceRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordImpactEvidenceRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (target, refused) = await RecordTarget.FindAsync(db, user, request.IncidentId, request.CaseId, errors, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        await RecordTarget.CheckPersonAsync(db, request.VictimId, "victimId", errors, cancellationToken);
        var kind = CaseRecordInput.Required<ImpactEvidenceKind>(request.Kind, "kind", errors);
        if (request.ObtainedAt is not { } obtained)
        {
            errors.Add("obtainedAt", "Error.Impact.ObtainedRequired");
        }
        else if (obtained > writer.Now)
        {
            errors.Add("obtainedAt", "Error.Impact.ObtainedFuture");
        }
        var summary = CaseRecordInput.Text(request.Summary, ImpactEvidenceLimits.Summary, "summary", errors);
        if (summary is null)
        {
            errors.Add("summary", "Error.Impact.SummaryRequired");
        }
        var effects = EnumInput.ParseList<ImpactEffect>(request.Effects, "effects", "Error.Choice.Invalid", errors);
        var fear = effects.Contains(ImpactEffect.FearOfViolence);
        // s4 and s4A count occasions of fear, so the number is asked with the fear, and only then.
        if (fear && request.FearOccasions is null)
        {
            errors.Add("fearOccasions", "Error.Impact.OccasionsRequired");
        }
        else if (fear && request.FearOccasions is < 1 or > ImpactEvidenceLimits.FearOccasions)
        {
            errors.Add("fearOccasions", "Error.Impact.OccasionsRange", 1, ImpactEvidenceLimits.FearOccasions);
        }
        else if (!fear && request.FearOccasions is not null)
        {
            errors.Add("fearOccasions", "Error.Impact.OccasionsWithoutFear");
        }
        var other = CaseRecordInput.Text(request.OtherEffect, ImpactEvidenceLimits.OtherEffect, "otherEffect", errors);
        var by = CaseRecordInput.By(request.By, user, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var record = new ImpactEvidence
        {
            VictimId = request.VictimId!.Value,
            Kind = kind,
            ObtainedAt = request.ObtainedAt!.Value.ToUniversalTime(),
            Summary = summary!,
            FearOccasions = fear ? request.FearOccasions : null,
            OtherEffect = other,
        };
        foreach (var effect in effects)
        {
            record.Set(effect);
        }
        writer.Stamp(record, target!, by);
        return await writer.SaveAsync(record, target!, AuditEntities.ImpactEvidence, ImpactEvidence.Reference, cancellationToken);
    }
}
