using Microsoft.EntityFrameworkCore;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Incidents;

internal static class IncidentSummaries
{
    /// <summary>Every incident the person record is a party to, in every force, newest first.</summary>
    public static Task<IReadOnlyList<PersonIncidentSummary>> ForPersonRecordAsync(AppDbContext db, long personRecordId, RecordAccess access, CancellationToken cancellationToken) =>
        ForPersonRecordsAsync(db, [personRecordId], access, cancellationToken);

    /// <summary>
    /// Every incident any of the records is a party to, in every force, newest first: for a resolved identity,
    /// this is the person's history under every spelling and in every force.
    /// </summary>
    public static async Task<IReadOnlyList<PersonIncidentSummary>> ForPersonRecordsAsync(AppDbContext db, IReadOnlyCollection<long> personRecordIds, RecordAccess access, CancellationToken cancellationToken)
    {
        var rows = await db.IncidentParties.AsNoTracking()
            .Where(p => personRecordIds.Contains(p.PersonRecordId))
            .Select(p => new
            {
                p.IncidentId, p.Role, p.Incident!.ForceId, ForceCode = p.Incident.Force!.Code, ForceName = p.Incident.Force.Name,
                p.Incident.OccurredFrom, p.Incident.Classification, p.Incident.IncludedClassifications,
                p.Incident.RecordedAsCrime, p.Incident.Behaviours,
            })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.IncidentId)
            .Select(g =>
            {
                var first = g.First();
                return new PersonIncidentSummary(
                    first.IncidentId, Incident.Reference(first.IncidentId), first.ForceCode, first.ForceName,
                    access.IsOwnForce(first.ForceId), first.OccurredFrom, first.Classification.ToString(),
                    first.IncludedClassifications.Select(c => c.ToString()).ToList(), first.RecordedAsCrime,
                    first.Behaviours.Select(b => b.ToString()).ToList(),
                    g.Select(r => r.Role.ToString()).Distinct().ToList());
            })
            .OrderByDescending(s => s.OccurredFrom)
            .ToList();
    }
}
