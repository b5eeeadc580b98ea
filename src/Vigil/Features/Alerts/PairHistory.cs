using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;

namespace Vigil.Features.Alerts;

/// <summary>
/// Everything recorded between one victim and one suspect (resolved identities, every force): the incidents with
/// what rules about the course of conduct need, and the offence decisions of cases holding them.
/// </summary>
internal sealed record PairHistory(
    Identities.Party Victim,
    Identities.Party Suspect,
    IReadOnlyList<PairHistory.Entry> Incidents,
    IReadOnlyList<Classification> CaseOffences)
{
    public sealed record Entry(long Id, string ForceCode, Classification Classification, IReadOnlyList<Classification> Included,
        IReadOnlyList<Behaviour> Behaviours, Relationship? Relationship, bool FearOfViolence, bool SeriousAlarmOrDistress, bool ChangedRoutine,
        bool Domestic, DateTimeOffset RecordedAt, long? TeamId, string? Officer);

    public IEnumerable<Classification> AllClassifications =>
        Incidents.SelectMany(i => i.Included.Append(i.Classification)).Concat(CaseOffences);

    public bool RecordedAsStalking => AllClassifications.Any(Classifications.Stalking.Contains);

    public IReadOnlyList<(AlertEvidenceKind, long)> Evidence =>
        [.. Incidents.Select(i => (AlertEvidenceKind.Incident, i.Id)), .. Victim.RecordIds.Concat(Suspect.RecordIds).Select(id => (AlertEvidenceKind.PersonRecord, id))];

    public string References => string.Join(", ", Incidents.Select(i => Incident.Reference(i.Id)));

    /// <summary>Each victim–suspect pair of the just-written incidents, with their whole history together.</summary>
    public static async Task<List<(Identities.IncidentFacts Incident, PairHistory History)>> LoadAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var result = new List<(Identities.IncidentFacts, PairHistory)>();
        foreach (var incidentId in context.Trigger.IncidentIds)
        {
            if (await context.IncidentAsync(incidentId, cancellationToken) is not { } incident)
            {
                continue;
            }
            foreach (var victim in incident.Parties.Where(p => p.Role == PartyRole.Victim))
            {
                foreach (var suspect in incident.Parties.Where(p => p.Role == PartyRole.Suspect && p.Key != victim.Key))
                {
                    var rows = await context.Db.Incidents.WithParty(context.Db, victim.RecordIds, PartyRole.Victim).WithParty(context.Db, suspect.RecordIds, PartyRole.Suspect)
                        .OrderBy(i => i.Id)
                        .Select(i => new { i.Id, ForceCode = i.Force!.Code, i.Classification, i.IncludedClassifications, i.Behaviours, i.Relationship, i.Impact, i.Domestic, i.RecordedAt, i.TeamId, i.Officer })
                        .ToListAsync(cancellationToken);
                    var ids = rows.Select(r => r.Id).ToList();
                    // "Case id in (cases holding these incidents)", not "a case incident exists for this decision": the
                    // second made SQLite look at every offence decision (measured: 60 ms a write at a million incidents).
                    var offences = await context.Db.OffenceDecisions
                        .Where(d => context.Db.CaseIncidents.Where(c => ids.Contains(c.IncidentId)).Select(c => c.CaseId).Contains(d.CaseId))
                        .Select(d => d.Offence).ToListAsync(cancellationToken);
                    var entries = rows.Select(r => new Entry(r.Id, r.ForceCode, r.Classification, r.IncludedClassifications, r.Behaviours, r.Relationship,
                        r.Impact.FearOfViolence, r.Impact.SeriousAlarmOrDistress, r.Impact.ChangedRoutine, r.Domestic, r.RecordedAt, r.TeamId, r.Officer)).ToList();
                    result.Add((incident, new PairHistory(victim, suspect, entries, offences)));
                }
            }
        }
        return result;
    }
}
