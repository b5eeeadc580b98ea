using Vigil.Features.Incidents;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

/// <summary>
/// Records which offence the case is investigated or charged as, always with a rationale: where it is
/// not stalking, the rationale is the "why not stalking" the College of Policing asks officers to record.
/// Earlier decisions stay in the history.
/// </summary>
public sealed class RecordOffenceDecisionHandler(AppDbContext db, CurrentUser user, CaseChange caseChange, TimeProvider time)
{
    public Task<Outcome<CaseCreated>> HandleAsync(long id, OffenceDecisionRequest request, CancellationToken cancellationToken)
    {
        Classification offence = default;
        return caseChange.ApplyAsync(id, request.Version,
            (@case, errors, _) =>
            {
                if (string.IsNullOrWhiteSpace(request.Offence))
                {
                    errors.Add("offence", "Error.Case.OffenceRequired");
                }
                else if (!EnumInput.TryParse(request.Offence, out offence))
                {
                    errors.Add("offence", "Error.Incident.Classification", EnumInput.Names<Classification>());
                }
                var isStalking = offence is Classification.StalkingS2A or Classification.StalkingS4A;
                CaseRules.ValidateRationale(request.Rationale, "rationale", isStalking ? "Error.Case.DecisionRationaleRequired" : "Error.Case.WhyNotStalkingRequired", errors);
                return Task.CompletedTask;
            },
            @case => db.OffenceDecisions.Add(new OffenceDecision
            {
                CaseId = @case.Id,
                Offence = offence,
                Rationale = request.Rationale!.Trim(),
                DecidedAt = time.GetUtcNow(),
                DecidedByUserId = user.UserId,
                DecidedByName = user.DisplayName,
            }),
            "offence=" + request.Offence,
            cancellationToken);
    }
}
