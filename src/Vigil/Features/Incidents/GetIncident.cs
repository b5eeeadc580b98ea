using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Incidents;

/// <summary>The full incident record: the owning force reads it directly, others after recording a purpose.</summary>
public sealed class GetIncidentHandler(AppDbContext db, RecordAccess access)
{
    public async Task<Outcome<IncidentView>> HandleAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking()
            .Include(i => i.Force)
            .Include(i => i.Team)
            .Include(i => i.Parties).ThenInclude(p => p.PersonRecord).ThenInclude(p => p!.Force)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return new NotFound();
        }
        var failure = await access.AuthoriseReadAsync(AuditEntities.Incident, id, incident.ForceId, incident.Force!.Code, purpose, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var cases = await db.CaseIncidents.AsNoTracking()
            .Where(ci => ci.IncidentId == id && ci.Case!.ForceId == incident.ForceId)
            .Select(ci => new { ci.CaseId, ci.Case!.Status })
            .ToListAsync(cancellationToken);
        return ToView(incident, access.IsOwnForce(incident.ForceId), cases.Select(c => new CaseLink(c.CaseId, Case.Reference(c.CaseId), c.Status.ToString())).ToList());
    }

    internal static IncidentView ToView(Incident incident, bool ownForce, IReadOnlyList<CaseLink> cases) => new(
        incident.Id,
        Incident.Reference(incident.Id),
        incident.Force!.Code,
        incident.Force.Name,
        ownForce,
        incident.RecordedAt,
        incident.OccurredFrom,
        incident.OccurredTo,
        incident.Classification.ToString(),
        incident.IncludedClassifications.Select(c => c.ToString()).ToList(),
        incident.RecordedAsCrime,
        incident.Narrative,
        incident.Behaviours.Select(b => b.ToString()).ToList(),
        incident.Channels.Select(c => c.ToString()).ToList(),
        incident.LocationText,
        incident.LocationLatitude,
        incident.LocationLongitude,
        incident.Relationship?.ToString(),
        incident.Impact.FearOfViolence,
        incident.Impact.SeriousAlarmOrDistress,
        incident.Impact.ChangedRoutine,
        incident.Domestic,
        incident.Team?.Code,
        incident.Team?.Name,
        incident.Officer,
        incident.Parties
            .OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => new PartyView(p.PersonRecordId, PersonRecord.Reference(p.PersonRecordId), p.PersonRecord!.FullName,
                p.PersonRecord.DateOfBirth?.ToString(), p.PersonRecord.Force!.Code, p.Role.ToString()))
            .ToList(),
        cases,
        incident.Version.ToString());
}
