using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Risk;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Screening;

/// <summary>The FOUR answers and stalking screening topics (st01–st11) for an incident or a case.</summary>
public sealed record RecordScreeningRequest(
    long? IncidentId, long? CaseId, bool? Fixated, bool? Obsessive, bool? Unwanted, bool? Repeated,
    Dictionary<string, bool>? Answers, string? By);

/// <summary>Records a stalking screening. Each screening is kept; a later one never overwrites an earlier one.</summary>
public sealed class RecordScreeningHandler(AppDbContext db, CurrentUser user, CaseRecordWriter writer) : IRecordHandler<RecordScreeningRequest>
{
    public async Task<Outcome<RecordCreated>> HandleAsync(RecordScreeningRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (target, refused) = await RecordTarget.FindAsync(db, user, request.IncidentId, request.CaseId, errors, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var answers = RiskAnswers.Parse(request.Answers, RiskTool.Stalking, "answers", errors);
        var by = CaseRecordInput.By(request.By, user, errors);
        if (request is { Fixated: null, Obsessive: null, Unwanted: null, Repeated: null } && answers.Count == 0)
        {
            errors.Add("fixated", "Error.Screening.Empty");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var screening = writer.Stamp(new StalkingScreening
        {
            Fixated = request.Fixated,
            Obsessive = request.Obsessive,
            Unwanted = request.Unwanted,
            Repeated = request.Repeated,
            Answers = answers,
        }, target!, by);
        return await writer.SaveAsync(screening, target!, AuditEntities.Screening, ScreeningApi.Reference, cancellationToken);
    }
}
