using Vigil.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Risk;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Screening;

/// <summary>The FOUR answers and stalking screening topics (st01–st11) for an incident or a case.</summary>
public sealed record RecordScreeningRequest(
    long? IncidentId, long? CaseId, bool? Fixated, bool? Obsessive, bool? Unwanted, bool? Repeated,
    Dictionary<string, bool>? Answers, string? By, string? NotStalkingReason = null,
    [property: System.Text.Json.Serialization.JsonIgnore] bool AskWhyNotStalking = false);

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
        var reason = CaseRecordInput.Text(request.NotStalkingReason, CaseRecordLimits.Rationale, "notStalkingReason", errors);
        // The screening page asks "why not stalking?" of anything recorded as something else. Imported histories and
        // other systems may not carry a reason, so the API does not insist; the consider-stalking rule asks again.
        if (request.AskWhyNotStalking && reason is null && target is not null && await RecordedAsAsync(target, cancellationToken) is { } recorded && !Classifications.Stalking.Contains(recorded))
        {
            errors.Add("notStalkingReason", "Error.Screening.WhyNotStalking", recorded);
        }
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
            NotStalkingReason = reason,
        }, target!, by);
        return await writer.SaveAsync(screening, target!, AuditEntities.Screening, ScreeningApi.Reference, cancellationToken);
    }

    /// <summary>How an incident is classified, or a case's latest offence decision (null before any decision).</summary>
    public async Task<Classification?> RecordedAsAsync(RecordTarget target, CancellationToken cancellationToken) =>
        target.IncidentId is { } incident
            ? await db.Incidents.Where(i => i.Id == incident).Select(i => (Classification?)i.Classification).FirstOrDefaultAsync(cancellationToken)
            : await db.OffenceDecisions.Where(d => d.CaseId == target.CaseId).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
                .Select(d => (Classification?)d.Offence).FirstOrDefaultAsync(cancellationToken);
}
