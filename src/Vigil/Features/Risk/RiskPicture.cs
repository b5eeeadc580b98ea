using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Risk;

/// <summary>
/// What Vigil already knows about a victim, from every linked record in every force: the incidents in which the
/// victim (any record of the resolved person) is a victim, the suspects in them, the suspects' other victims and
/// breaches. The risk form pre-fills from it and the grade is shown beside it, so an officer grading "standard"
/// sees the threats, the stalking and the breaches recorded elsewhere.
/// </summary>
public sealed record RiskPicture(
    IReadOnlyList<long> VictimRecordIds,
    IReadOnlyList<RiskPicture.IncidentSeen> Incidents,
    IReadOnlyList<RiskPicture.BreachSeen> Breaches,
    IReadOnlyList<RiskPicture.OtherVictim> OtherVictims,
    IReadOnlyList<RiskPicture.IncidentSeen> SuspectsOtherIncidents)
{
    public sealed record IncidentSeen(long Id, string Reference, string ForceCode, DateTimeOffset RecordedAt, Classification Classification,
        bool RecordedAsCrime, IReadOnlyList<Behaviour> Behaviours, Relationship? Relationship, bool Domestic, bool FearOfViolence, bool Target);

    public sealed record BreachSeen(long Id, string Reference, string OrderReference, OrderType OrderType, string ForceCode, DateTimeOffset OccurredAt, bool ProtectsVictim);

    public sealed record OtherVictim(string Reference, IReadOnlyList<string> Incidents);

    /// <summary>Stalking behaviours seen across the victim's incidents, each with the incidents it was recorded in.</summary>
    public IReadOnlyList<(Behaviour Behaviour, IReadOnlyList<IncidentSeen> Incidents)> StalkingBehaviours =>
        [.. Incidents.SelectMany(i => i.Behaviours.Where(Features.Incidents.Behaviours.Stalking.Contains).Select(b => (b, i)))
            .GroupBy(x => x.b).OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<IncidentSeen>)[.. g.Select(x => x.i)]))];

    public IReadOnlyList<string> Forces => [.. Incidents.Select(i => i.ForceCode).Concat(Breaches.Select(b => b.ForceCode)).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Loads the picture for a victim record. <paramref name="targetIncidentIds"/> are the incidents the
    /// assessment is about ("this episode"); the rest of the history is context.
    /// </summary>
    public static async Task<RiskPicture> LoadAsync(AppDbContext db, long victimRecordId, IReadOnlyCollection<long> targetIncidentIds, CancellationToken cancellationToken)
    {
        var personId = await db.PersonRecords.Where(r => r.Id == victimRecordId).Select(r => r.PersonId).FirstOrDefaultAsync(cancellationToken);
        List<long> victimRecords = personId is { } p
            ? await db.PersonRecords.Where(r => r.PersonId == p).Select(r => r.Id).ToListAsync(cancellationToken)
            : [victimRecordId];
        var incidents = await Seen(db, db.Incidents.WithParty(db, victimRecords, PartyRole.Victim), targetIncidentIds, cancellationToken);
        var incidentIds = incidents.Select(i => i.Id).ToList();

        // The suspects as resolved people, so their history under other names and in other forces counts.
        var suspectRecordIds = await db.IncidentParties.Where(x => incidentIds.Contains(x.IncidentId) && x.Role == PartyRole.Suspect)
            .Select(x => x.PersonRecordId).Distinct().ToListAsync(cancellationToken);
        var suspectPeople = await db.PersonRecords.Where(r => suspectRecordIds.Contains(r.Id) && r.PersonId != null).Select(r => r.PersonId!.Value).Distinct().ToListAsync(cancellationToken);
        var suspectRecords = (await db.PersonRecords.Where(r => r.PersonId != null && suspectPeople.Contains(r.PersonId.Value)).Select(r => r.Id).ToListAsync(cancellationToken))
            .Concat(suspectRecordIds).Distinct().ToList();

        var others = await Seen(db, db.Incidents.WithParty(db, suspectRecords, PartyRole.Suspect).Where(i => !incidentIds.Contains(i.Id)), [], cancellationToken);
        var otherIds = others.Select(i => i.Id).ToList();
        var otherVictimRows = await db.IncidentParties.Where(x => otherIds.Contains(x.IncidentId) && x.Role == PartyRole.Victim && !victimRecords.Contains(x.PersonRecordId))
            .Select(x => new { x.IncidentId, x.PersonRecordId, x.PersonRecord!.PersonId }).ToListAsync(cancellationToken);
        var otherVictims = otherVictimRows
            .GroupBy(x => x.PersonId is { } person ? Person.Reference(person) : PersonRecord.Reference(x.PersonRecordId))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OtherVictim(g.Key, [.. g.Select(x => Incident.Reference(x.IncidentId)).Distinct()]))
            .ToList();

        // Every breach by the suspects, of any order in any force (pre-charge bail included), and every breach of
        // an order protecting the victim.
        var breaches = await db.Breaches
            .Where(b => suspectRecords.Contains(b.Order!.SubjectId) || db.OrderProtectedPeople.Any(o => o.OrderId == b.OrderId && victimRecords.Contains(o.PersonRecordId)))
            .OrderBy(b => b.OccurredAt)
            .Select(b => new { b.Id, b.OrderId, b.Order!.OrderType, ForceCode = b.Force!.Code, b.OccurredAt, Protects = db.OrderProtectedPeople.Any(o => o.OrderId == b.OrderId && victimRecords.Contains(o.PersonRecordId)) })
            .ToListAsync(cancellationToken);
        return new RiskPicture(victimRecords, incidents, [.. breaches.Select(b => new BreachSeen(b.Id, Breach.Reference(b.Id), ProtectiveOrder.Reference(b.OrderId), b.OrderType, b.ForceCode, b.OccurredAt, b.Protects))],
            otherVictims, others);
    }

    private static async Task<List<IncidentSeen>> Seen(AppDbContext db, IQueryable<Incident> incidents, IReadOnlyCollection<long> targets, CancellationToken cancellationToken)
    {
        var rows = await incidents.OrderBy(i => i.RecordedAt).ThenBy(i => i.Id)
            .Select(i => new { i.Id, ForceCode = i.Force!.Code, i.RecordedAt, i.Classification, i.RecordedAsCrime, i.Behaviours, i.Relationship, i.Domestic, i.Impact.FearOfViolence })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new IncidentSeen(r.Id, Incident.Reference(r.Id), r.ForceCode, r.RecordedAt, r.Classification, r.RecordedAsCrime,
            r.Behaviours, r.Relationship, r.Domestic, r.FearOfViolence, targets.Contains(r.Id)))];
    }
}
