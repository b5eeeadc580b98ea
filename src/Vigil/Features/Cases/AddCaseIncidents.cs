using Microsoft.EntityFrameworkCore;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

/// <summary>Adds further incidents to a case as the course of conduct comes to light.</summary>
public sealed class AddCaseIncidentsHandler(AppDbContext db, CurrentUser user, CaseChange caseChange, TimeProvider time)
{
    public Task<Outcome<CaseCreated>> HandleAsync(long id, AddCaseIncidentsRequest request, CancellationToken cancellationToken)
    {
        var incidentIds = (request.IncidentIds ?? []).Distinct().ToList();
        return caseChange.ApplyAsync(id, request.Version,
            async (@case, errors, ct) =>
            {
                if (incidentIds.Count == 0)
                {
                    errors.Add("incidentIds", "Error.Case.IncidentsRequired");
                    return;
                }
                if (@case.Incidents.Count + incidentIds.Count > CaseLimits.Incidents)
                {
                    errors.Add("incidentIds", "Error.List.TooMany", CaseLimits.Incidents);
                    return;
                }
                var found = await db.Incidents.Where(i => incidentIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
                for (var i = 0; i < incidentIds.Count; i++)
                {
                    if (!found.Contains(incidentIds[i]))
                    {
                        errors.Add($"incidentIds[{i}]", "Error.Case.IncidentNotFound", incidentIds[i]);
                    }
                    else if (@case.Incidents.Any(ci => ci.IncidentId == incidentIds[i]))
                    {
                        errors.Add($"incidentIds[{i}]", "Error.Case.IncidentAlreadyOnCase", incidentIds[i]);
                    }
                }
            },
            @case =>
            {
                var now = time.GetUtcNow();
                foreach (var incidentId in incidentIds)
                {
                    @case.Incidents.Add(new CaseIncident { CaseId = @case.Id, IncidentId = incidentId, AddedAt = now, AddedByUserId = user.UserId });
                }
            },
            "incidents+=" + string.Join(',', incidentIds),
            cancellationToken);
    }
}
