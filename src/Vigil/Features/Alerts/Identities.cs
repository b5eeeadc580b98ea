using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Alerts;

/// <summary>
/// Rules see people, not records: a victim or suspect is the resolved identity, with every record of it in every
/// force, so history under other spellings and in other forces counts.
/// </summary>
internal static class Identities
{
    /// <summary>A party of an incident as an identity: its key, reference and every record of it.</summary>
    public sealed record Party(PartyRole Role, string Key, string Reference, IReadOnlyList<long> RecordIds);

    public sealed record IncidentFacts(long Id, long ForceId, string ForceCode, long? TeamId, string? Officer, DateTimeOffset RecordedAt, IReadOnlyList<Party> Parties);

    public static async Task<IncidentFacts?> IncidentAsync(AppDbContext db, long incidentId, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.Where(i => i.Id == incidentId)
            .Select(i => new { i.Id, i.ForceId, ForceCode = i.Force!.Code, i.TeamId, i.Officer, i.RecordedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return null;
        }
        var parties = await db.IncidentParties.Where(p => p.IncidentId == incidentId)
            .Select(p => new { p.Role, p.PersonRecordId, p.PersonRecord!.PersonId })
            .ToListAsync(cancellationToken);
        var personIds = parties.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).Distinct().ToList();
        var records = await db.PersonRecords.Where(r => r.PersonId != null && personIds.Contains(r.PersonId.Value))
            .Select(r => new { r.Id, PersonId = r.PersonId!.Value })
            .ToListAsync(cancellationToken);
        var byPerson = records.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(r => r.Id).Order().ToList());
        var result = parties.Select(p => p.PersonId is long person
            ? new Party(p.Role, $"PN{person}", Person.Reference(person), byPerson.GetValueOrDefault(person, [p.PersonRecordId]))
            : new Party(p.Role, $"P{p.PersonRecordId}", PersonRecord.Reference(p.PersonRecordId), [p.PersonRecordId])).ToList();
        return new IncidentFacts(incident.Id, incident.ForceId, incident.ForceCode, incident.TeamId, incident.Officer, incident.RecordedAt, result);
    }

    // Written as "incident id in (parties of these records)" rather than "incident has a party among these records":
    // the first starts from the index on the party's person record, the second made SQLite look at every incident
    // (measured: rule evaluation grew with the number of incidents stored).

    /// <summary>Incidents (any force) in which one of <paramref name="records"/> is a party in <paramref name="role"/>.</summary>
    public static IQueryable<Incident> WithParty(this IQueryable<Incident> incidents, AppDbContext db, IReadOnlyList<long> records, PartyRole role) =>
        incidents.Where(i => db.IncidentParties.Where(p => p.Role == role && records.Contains(p.PersonRecordId)).Select(p => p.IncidentId).Contains(i.Id));

    /// <summary>Incidents (any force) in which one of <paramref name="records"/> is a party in any role.</summary>
    public static IQueryable<Incident> WithAnyParty(this IQueryable<Incident> incidents, AppDbContext db, IReadOnlyList<long> records) =>
        incidents.Where(i => db.IncidentParties.Where(p => records.Contains(p.PersonRecordId)).Select(p => p.IncidentId).Contains(i.Id));
}
