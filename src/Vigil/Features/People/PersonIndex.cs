using System.Globalization;
using Vigil.Linking.Engine;
using Vigil.Linking.Synthetic;

namespace Vigil.Features.People;

/// <summary>
/// The in-memory resolution index of this process: every person record, prepared for comparison, with the
/// clusters the engine has formed and every active human decision. It is a cache of the database, never the
/// truth: it is only changed inside a unit of work (which holds the write lock), it is thrown away if that unit
/// of work rolls back, and it notices records or decisions written by another process and catches up.
/// </summary>
public sealed class PersonIndex
{
    internal Resolver? Resolver { get; private set; }

    /// <summary>Highest record id and record count the index holds, to notice records added elsewhere.</summary>
    internal long MaxRecordId { get; private set; }
    internal int RecordCount { get; private set; }

    /// <summary>Decisions seen (count, highest id, revoked count): any other change forces a rebuild.</summary>
    internal (int Count, long MaxId, int Revoked) DecisionStamp { get; private set; }

    public static MatchModel Model => ReferenceModel.Value;

    internal void Replace(Resolver resolver, long maxRecordId, int recordCount, (int, long, int) decisionStamp)
    {
        Resolver = resolver;
        MaxRecordId = maxRecordId;
        RecordCount = recordCount;
        DecisionStamp = decisionStamp;
    }

    internal void Appended(long maxRecordId, int added)
    {
        MaxRecordId = Math.Max(MaxRecordId, maxRecordId);
        RecordCount += added;
    }

    /// <summary>Forget everything: the next unit of work that resolves rebuilds from the database.</summary>
    public void Invalidate() => Resolver = null;

    public static string Key(long recordId) => recordId.ToString(CultureInfo.InvariantCulture);

    public static long RecordId(string key) => long.Parse(key, CultureInfo.InvariantCulture);

    /// <summary>A person record as the linking engine sees it.</summary>
    public static PersonInput ToInput(PersonRecord r) => new(
        Key(r.Id), r.GivenName, r.FamilyName, r.DateOfBirth?.ToString(),
        r.Sex is Sex.F or Sex.M ? r.Sex.ToString() : null,
        r.Aliases,
        r.Addresses.Where(a => a.Postcode is not null).Select(a => a.Postcode!).ToList(),
        r.Addresses.Select(a => a.Text).ToList(),
        r.Phones.Select(p => p.Normalised).ToList(),
        r.Emails,
        r.Handles);

    public static PreparedRecord Prepare(PersonRecord r) => PreparedRecord.From(ToInput(r));

    /// <summary>
    /// The weights Vigil links with. Learnt without labels, by the engine's own trainer, from a fixed seeded
    /// population of police-style synthetic records, so every process and every restart links the same way.
    /// Expectation–maximisation needs thousands of records with duplicates among them, which a new force
    /// database does not have; and retraining on live data would move people between identities with nobody
    /// deciding it. See docs/decisions/ADR-007.
    /// </summary>
    private static readonly Lazy<MatchModel> ReferenceModel = new(() =>
    {
        var records = new PoliceStylePeople(ReferenceSeed).Generate(ReferencePopulation)
            .Select(p => PreparedRecord.From(new PersonInput(
                p.RecordId, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, null,
                [p.Postcode], [p.Address], [p.Phone], [p.Email])))
            .ToList();
        return Trainer.Train(records);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public const int ReferenceSeed = 1;
    public const int ReferencePopulation = 20_000;
}
