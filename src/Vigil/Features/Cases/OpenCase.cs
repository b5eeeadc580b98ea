using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

/// <summary>
/// Opens a case over one or more incidents. Incidents of other forces may be linked (a course of conduct
/// crosses force boundaries) without changing them; the case itself belongs to the user's force.
/// </summary>
public sealed class OpenCaseHandler(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, AlertEngine alerts)
{
    public async Task<Outcome<CaseCreated>> HandleAsync(OpenCaseRequest request, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var errors = new ValidationErrors();
        var incidentIds = (request.IncidentIds ?? []).Distinct().ToList();
        if (incidentIds.Count == 0)
        {
            errors.Add("incidentIds", "Error.Case.IncidentsRequired");
        }
        else if (incidentIds.Count > CaseLimits.Incidents)
        {
            // Refused before any lookup: a list of a million ids should cost nothing to turn away.
            errors.Add("incidentIds", "Error.List.TooMany", CaseLimits.Incidents);
            return errors.ToFailure();
        }
        var found = await db.Incidents.Where(i => incidentIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < incidentIds.Count; i++)
        {
            if (!found.Contains(incidentIds[i]))
            {
                errors.Add($"incidentIds[{i}]", "Error.Case.IncidentNotFound", incidentIds[i]);
            }
        }
        var parties = await db.IncidentParties.Where(p => incidentIds.Contains(p.IncidentId)).Select(p => new { p.PersonRecordId, p.Role }).ToListAsync(cancellationToken);
        if (request.VictimPersonRecordId is long victimId && !parties.Any(p => p.PersonRecordId == victimId && p.Role == PartyRole.Victim))
        {
            errors.Add("victimPersonRecordId", "Error.Case.VictimNotParty");
        }
        if (request.SuspectPersonRecordId is long suspectId && !parties.Any(p => p.PersonRecordId == suspectId && p.Role == PartyRole.Suspect))
        {
            errors.Add("suspectPersonRecordId", "Error.Case.SuspectNotParty");
        }
        var officerUserId = string.IsNullOrWhiteSpace(request.OfficerUserId) ? user.UserId! : request.OfficerUserId.Trim();
        var officer = await CaseRules.FindOfficerAsync(db, officerUserId, forceId, "officerUserId", errors, cancellationToken);
        var teamId = await CaseRules.FindTeamAsync(db, request.Team, forceId, "team", errors, cancellationToken);
        teamId ??= officer?.TeamId;
        Classification? offence = null;
        if (!string.IsNullOrWhiteSpace(request.Offence))
        {
            if (EnumInput.TryParse<Classification>(request.Offence, out var o))
            {
                offence = o;
                CaseRules.ValidateRationale(request.Rationale, "rationale", "Error.Case.DecisionRationaleRequired", errors);
            }
            else
            {
                errors.Add("offence", "Error.Incident.Classification", EnumInput.Names<Classification>());
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var now = time.GetUtcNow();
        var @case = new Case
        {
            ForceId = forceId,
            VictimId = request.VictimPersonRecordId,
            SuspectId = request.SuspectPersonRecordId,
            OfficerUserId = officer!.Id,
            OfficerName = officer.DisplayName,
            TeamId = teamId,
            OpenedAt = now,
            OpenedByUserId = user.UserId,
            Version = Guid.NewGuid(),
            Incidents = incidentIds.Select(id => new CaseIncident { IncidentId = id, AddedAt = now, AddedByUserId = user.UserId }).ToList(),
            Allocations = [new CaseAllocation { OfficerUserId = officer.Id, OfficerName = officer.DisplayName, TeamId = teamId, AllocatedAt = now, AllocatedByUserId = user.UserId }],
        };
        if (offence is { } decided)
        {
            @case.OffenceDecisions.Add(new OffenceDecision { Offence = decided, Rationale = request.Rationale!.Trim(), DecidedAt = now, DecidedByUserId = user.UserId, DecidedByName = user.DisplayName });
        }
        return await db.RunAsync<CaseCreated>(async ct =>
        {
            db.Cases.Add(@case);
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.Create, AuditEntities.Case, @case.Id, detail: "incidents=" + string.Join(',', incidentIds));
            await db.SaveChangesAsync(ct);
            await alerts.RunAsync(RuleTrigger.ForCase(@case.Id), ct);
            return new CaseCreated(@case.Id, Case.Reference(@case.Id));
        }, cancellationToken);
    }
}
