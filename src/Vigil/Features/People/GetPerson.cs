using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Incidents;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Linking.Engine;

namespace Vigil.Features.People;

/// <summary>
/// A resolved identity with every record, why each is linked, and the incidents of all of them in every force.
/// Every police reader sees it: it holds names and dates of birth, never another force's contact details (the
/// person-record page gives those, with a purpose). The read is audited against the identity.
/// </summary>
public sealed class GetPersonHandler(AppDbContext db, RecordAccess access, AuditLog audit)
{
    public async Task<Outcome<PersonView>> HandleAsync(long id, CancellationToken cancellationToken)
    {
        var person = await CurrentAsync(db, id, cancellationToken);
        if (person is null)
        {
            return new NotFound();
        }
        await audit.RecordReadAsync(AuditEntities.Person, person.Id, purpose: null, cancellationToken);
        return await ViewAsync(person.Id, cancellationToken);
    }

    /// <summary>The identity a person id leads to now, following merges.</summary>
    public static async Task<Person?> CurrentAsync(AppDbContext db, long id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        for (var hops = 0; person?.MergedIntoId is long next && hops < 100; hops++)
        {
            person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == next, cancellationToken);
        }
        return person;
    }

    public async Task<PersonView> ViewAsync(long personId, CancellationToken cancellationToken)
    {
        var records = await db.PersonRecords.AsNoTracking().Include(r => r.Force)
            .Where(r => r.PersonId == personId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var ids = records.Select(r => r.Id).ToList();
        var decisions = await db.MatchDecisions.AsNoTracking()
            .Where(d => ids.Contains(d.RecordAId) || ids.Contains(d.RecordBId))
            .OrderByDescending(d => d.DecidedAt).ToListAsync(cancellationToken);
        var openMatches = await db.PossibleMatches.AsNoTracking()
            .Where(m => m.Status == PossibleMatchStatus.Open && (ids.Contains(m.RecordAId) || ids.Contains(m.RecordBId)))
            .OrderByDescending(m => m.Probability).Take(50).ToListAsync(cancellationToken);
        var others = openMatches.SelectMany(m => new[] { m.RecordAId, m.RecordBId }).Where(i => !ids.Contains(i)).Distinct().ToList();
        var otherRecords = await db.PersonRecords.AsNoTracking().Include(r => r.Force).Where(r => others.Contains(r.Id)).ToListAsync(cancellationToken);
        var byId = records.Concat(otherRecords).ToDictionary(r => r.Id);
        var moves = await db.PersonRecordMoves.AsNoTracking()
            .Where(m => ids.Contains(m.PersonRecordId)).OrderByDescending(m => m.Id).Take(100).ToListAsync(cancellationToken);

        return new PersonView(
            personId,
            Person.Reference(personId),
            records.Select(Summary).ToList(),
            Links(records, decisions),
            await IncidentSummaries.ForPersonRecordsAsync(db, ids, access, cancellationToken),
            decisions.Select(MatchViews.Decision).ToList(),
            openMatches.Select(m => MatchViews.PossibleMatch(m, Summary(byId[m.RecordAId]), Summary(byId[m.RecordBId]), byId[m.RecordAId], byId[m.RecordBId], byId[m.RecordAId].PersonId, byId[m.RecordBId].PersonId, decision: null)).ToList(),
            moves.Select(m => new PersonMoveView(PersonRecord.Reference(m.PersonRecordId), m.FromPersonId is long f ? Person.Reference(f) : null, Person.Reference(m.ToPersonId), m.At, m.Reason)).ToList());
    }

    public IdentityRecordView Summary(PersonRecord r) => new(
        r.Id, PersonRecord.Reference(r.Id), r.Force!.Code, r.Force.Name, access.IsOwnForce(r.ForceId),
        r.GivenName, r.FamilyName, r.Aliases, r.DateOfBirth?.ToString(), r.Sex.ToString(), r.CreatedAt);

    /// <summary>
    /// For each record after the first, what ties it to an earlier one: a "same person" decision if there is
    /// one, otherwise the strongest evidence. Together these form a chain through the whole identity.
    /// </summary>
    private static List<IdentityLinkView> Links(List<PersonRecord> records, List<MatchDecision> decisions)
    {
        var prepared = records.Select(PersonIndex.Prepare).ToList();
        var links = new List<IdentityLinkView>();
        for (var i = 1; i < records.Count; i++)
        {
            var earlier = records.Take(i).Select(r => r.Id).ToHashSet();
            var decision = decisions.FirstOrDefault(d => d.Active && d.SamePerson
                && ((d.RecordAId == records[i].Id && earlier.Contains(d.RecordBId)) || (d.RecordBId == records[i].Id && earlier.Contains(d.RecordAId))));
            int best;
            if (decision is not null)
            {
                var other = decision.RecordAId == records[i].Id ? decision.RecordBId : decision.RecordAId;
                best = records.FindIndex(r => r.Id == other);
            }
            else
            {
                best = Enumerable.Range(0, i).MaxBy(j => PersonIndex.Model.Score(prepared[i], prepared[j]));
            }
            links.Add(new IdentityLinkView(
                records[i].Id, PersonRecord.Reference(records[i].Id), records[best].Id, PersonRecord.Reference(records[best].Id),
                decision is null ? "evidence" : "decision", decision?.Id,
                MatchViews.Explanation(PersonIndex.Model.Explain(prepared[i], prepared[best]))));
        }
        return links;
    }
}

internal static class MatchViews
{
    public static MatchExplanationView Explanation(MatchExplanation e) => new(
        e.Fields.Select(f => new FieldEvidenceView(f.Field, f.Level, f.LevelIndex, Math.Round(f.Weight, 2), f.FrequencyAdjusted)).ToList(),
        Math.Round(e.PriorWeight, 2), Math.Round(e.TotalWeight, 2), e.Probability, e.NamesSwapped);

    public static MatchExplanationView Explain(PersonRecord a, PersonRecord b) =>
        Explanation(PersonIndex.Model.Explain(PersonIndex.Prepare(a), PersonIndex.Prepare(b)));

    public static MatchDecisionView Decision(MatchDecision d) => new(
        d.Id, MatchDecision.Reference(d.Id), d.RecordAId, PersonRecord.Reference(d.RecordAId), d.RecordBId, PersonRecord.Reference(d.RecordBId),
        d.SamePerson, d.Rationale, d.DecidedByName, d.DecidedAt, d.Active, d.RevokedByName, d.RevokedAt, d.RevocationRationale);

    public static PossibleMatchView PossibleMatch(PossibleMatch m, IdentityRecordView a, IdentityRecordView b, PersonRecord recordA, PersonRecord recordB, long? personA, long? personB, MatchDecision? decision) => new(
        m.Id, People.PossibleMatch.Reference(m.Id), m.Status.ToString(), m.FoundAt, m.Probability, a, b, personA, personB,
        Explain(recordA, recordB), decision is null ? null : Decision(decision));
}
