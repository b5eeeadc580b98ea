using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Features.Users;

namespace Vigil.Features.Cases;

/// <summary>
/// Hands a case to another officer or team. Every handover is a new allocation row with a reason: the
/// reviews found victims passed between many officers, and the count has to be visible.
/// </summary>
public sealed class HandOverCaseHandler(AppDbContext db, CurrentUser user, CaseChange caseChange, TimeProvider time)
{
    public Task<Outcome<CaseCreated>> HandleAsync(long id, HandOverCaseRequest request, CancellationToken cancellationToken)
    {
        VigilUser? officer = null;
        long? teamId = null;
        return caseChange.ApplyAsync(id, request.Version,
            async (@case, errors, ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.OfficerUserId))
                {
                    errors.Add("officerUserId", "Error.Case.OfficerRequired");
                }
                else
                {
                    officer = await CaseRules.FindOfficerAsync(db, request.OfficerUserId.Trim(), @case.ForceId, "officerUserId", errors, ct);
                    if (officer is not null && officer.Id == @case.OfficerUserId && string.IsNullOrWhiteSpace(request.Team))
                    {
                        errors.Add("officerUserId", "Error.Case.SameOfficer");
                    }
                }
                teamId = await CaseRules.FindTeamAsync(db, request.Team, @case.ForceId, "team", errors, ct);
                CaseRules.ValidateRationale(request.Reason, "reason", "Error.Case.HandoverReasonRequired", errors);
                if (@case.Status == CaseStatus.Closed)
                {
                    errors.Add("officerUserId", "Error.Case.Closed");
                }
            },
            @case =>
            {
                teamId ??= officer!.TeamId ?? @case.TeamId;
                @case.OfficerUserId = officer!.Id;
                @case.OfficerName = officer.DisplayName;
                @case.TeamId = teamId;
                db.CaseAllocations.Add(new CaseAllocation
                {
                    CaseId = @case.Id,
                    OfficerUserId = officer.Id,
                    OfficerName = officer.DisplayName,
                    TeamId = teamId,
                    AllocatedAt = time.GetUtcNow(),
                    AllocatedByUserId = user.UserId,
                    Reason = request.Reason!.Trim(),
                });
            },
            "handover",
            cancellationToken);
    }
}
