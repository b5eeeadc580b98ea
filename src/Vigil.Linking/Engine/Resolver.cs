namespace Vigil.Linking.Engine;

/// <summary>
/// Resolves person records into identities, one record at a time against an in-memory index. Bulk resolution is
/// the same operation over a population in order, so both give the same clusters by construction.
///
/// A new record is compared with every record that shares a blocking key. Links at or above the match threshold
/// are taken strongest first, and each joins two clusters only if the joined cluster stays consistent: no human
/// "not the same person" decision between them and, among the pairs other than the link itself, none with
/// conflicting full dates of birth, none that looks like twins (same full date of birth, different given names)
/// and none whose evidence is strongly against a match. That is what stops one weak link chaining different people together. Human "same person"
/// decisions join clusters whatever the scores say.
/// </summary>
public sealed class Resolver(MatchModel model, ResolverOptions? options = null)
{
    private readonly ResolverOptions _options = options ?? new ResolverOptions();
    private readonly List<PreparedRecord> _records = [];
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly BlockIndex _index = new();
    private readonly BlockKeyWriter _keys = new();
    private readonly List<int> _parent = [];
    // Members of clusters of two or more records, by root; a record that is its own root and absent here is alone.
    // Most records never join anyone, and a list each for ten million of them would cost a gigabyte.
    private readonly Dictionary<int, List<int>> _members = [];
    private readonly HashSet<(string, string)> _cannotLink = [];
    private readonly Dictionary<string, List<string>> _mustLink = new(StringComparer.Ordinal);

    public MatchModel Model => model;

    public ResolverOptions Options => _options;

    public int Count => _records.Count;

    public long ComparisonsMade { get; private set; }

    public IReadOnlyList<PreparedRecord> Records => _records;

    /// <summary>A human decision that two records are the same person. Kept, and applied whenever either arrives.</summary>
    public void DecideSame(string a, string b)
    {
        Remember(_mustLink, a, b);
        Remember(_mustLink, b, a);
        if (_indexById.TryGetValue(a, out var ia) && _indexById.TryGetValue(b, out var ib))
        {
            Union(ia, ib);
        }
    }

    /// <summary>
    /// A human decision that two records are different people. Kept and honoured from now on; records already
    /// clustered together need <see cref="Rebuild"/> (or a bulk re-run) to come apart.
    /// </summary>
    public void DecideDifferent(string a, string b) => _cannotLink.Add(Ordered(a, b));

    public ResolveResult Add(PersonInput input) => Add(PreparedRecord.From(input));

    public ResolveResult Add(PreparedRecord record)
    {
        Blocking.Write(record, _keys);
        return Add(record, _keys.Keys, null);
    }

    /// <summary>
    /// Adds a record under keys already written for it. <paramref name="early"/> holds verdicts on pairs scored
    /// ahead of time (by <see cref="ResolveAll"/>'s parallel pass); every other candidate is scored here. Verdicts
    /// depend only on the two records, so scoring them early changes nothing but the time taken.
    /// </summary>
    private ResolveResult Add(PreparedRecord record, List<BlockKey> keys, EarlyVerdicts? early)
    {
        if (_indexById.ContainsKey(record.Id))
        {
            throw new ArgumentException($"A record with id '{record.Id}' has already been resolved.", nameof(record));
        }
        var self = _records.Count;
        _records.Add(record);
        _indexById[record.Id] = self;
        _parent.Add(self);

        var candidates = _index.Candidates(keys, self);
        ComparisonsMade += candidates.Count;
        var links = new List<ScoredLink>();
        var review = new List<ScoredLink>();
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Fields.Length];
        Span<double> weights = stackalloc double[Comparisons.Fields.Length];
        foreach (var other in candidates)
        {
            var (verdict, weight) = early is not null && early.TryGet(other, out var known)
                ? known
                : Classify(record, _records[other], levels, weights);
            if (verdict == Verdict.Link)
            {
                links.Add(new ScoredLink(other, weight));
            }
            else if (verdict == Verdict.Review)
            {
                review.Add(new ScoredLink(other, weight));
            }
        }
        if (_mustLink.TryGetValue(record.Id, out var same))
        {
            foreach (var id in same)
            {
                if (_indexById.TryGetValue(id, out var other))
                {
                    Union(self, other);
                }
            }
        }
        links.Sort((x, y) => y.Weight.CompareTo(x.Weight));
        foreach (var link in links)
        {
            var a = Find(self);
            var b = Find(link.Other);
            if (a != b && CanJoin(a, b, self, link.Other))
            {
                Union(a, b);
            }
        }
        _index.Add(keys, self);
        var cluster = Find(self);
        // Possible matches in the uncertain band that did not end up in the same cluster go to human review.
        var uncertain = review.Where(r => Find(r.Other) != cluster).Select(r => new ScoredPair(record.Id, _records[r.Other].Id, r.Weight)).ToList();
        var matched = links.Where(l => Find(l.Other) == cluster).Select(l => new ScoredPair(record.Id, _records[l.Other].Id, l.Weight)).ToList();
        return new ResolveResult(record.Id, ClusterKey(cluster), matched, uncertain);
    }

    /// <summary>The identity a record belongs to: the id of its cluster's earliest record, stable as clusters grow.</summary>
    public string ClusterOf(string recordId) => ClusterKey(Find(_indexById[recordId]));

    public IReadOnlyList<string> MembersOf(string recordId) =>
        Members(Find(_indexById[recordId])).Select(i => _records[i].Id).ToList();

    public MatchExplanation Explain(string a, string b) => model.Explain(_records[_indexById[a]], _records[_indexById[b]]);

    /// <summary>Every record with its cluster key, in arrival order.</summary>
    public IEnumerable<(string RecordId, string ClusterId)> Clusters() =>
        _records.Select((r, i) => (r.Id, ClusterKey(Find(i))));

    /// <summary>
    /// Resolves a whole population in order with a model trained on it: the same clusters as adding the records
    /// one at a time (tested), in less time. Records go in batches; each batch's records are first scored against
    /// the index as it stood before the batch, on every processor at once (nothing is added meanwhile, so the
    /// index is only read); then they are added one at a time in order, and only the pairs the first pass could
    /// not see (records of the same batch, or a block that changed size) are scored then.
    /// </summary>
    public static Resolver ResolveAll(IReadOnlyList<PreparedRecord> records, MatchModel model, ResolverOptions? options = null, int? parallelism = null)
    {
        var resolver = new Resolver(model, options);
        resolver._index.EnsureCapacity(records.Count);
        var workers = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        if (workers == 1 || records.Count < ParallelBatch * 2)
        {
            foreach (var record in records)
            {
                resolver.Add(record);
            }
            return resolver;
        }
        var keys = new List<BlockKey>[ParallelBatch];
        var early = new EarlyVerdicts[ParallelBatch];
        for (var start = 0; start < records.Count; start += ParallelBatch)
        {
            var size = Math.Min(ParallelBatch, records.Count - start);
            var first = start;
            Parallel.For(0, size, new ParallelOptions { MaxDegreeOfParallelism = workers }, () => new Worker(), (i, _, worker) =>
            {
                var record = records[first + i];
                var writer = new BlockKeyWriter();
                Blocking.Write(record, writer);
                keys[i] = writer.Keys;
                early[i] = resolver.ScoreEarly(record, writer.Keys, first + i, worker);
                return worker;
            }, _ => { });
            for (var i = 0; i < size; i++)
            {
                resolver.Add(records[first + i], keys[i], early[i]);
            }
        }
        return resolver;
    }

    private const int ParallelBatch = 2048;

    private EarlyVerdicts ScoreEarly(PreparedRecord record, List<BlockKey> keys, int self, Worker worker)
    {
        var candidates = _index.Candidates(keys, self, worker.Scratch);
        candidates.Sort();
        var verdicts = new (Verdict, double)[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            verdicts[c] = Classify(record, _records[candidates[c]], worker.Levels, worker.Weights);
        }
        return new EarlyVerdicts([.. candidates], verdicts);
    }

    /// <summary>
    /// What a scored pair means for the new record: a link (posterior at or above the match threshold, and the
    /// names agree), a possible match for review, or nothing. Depends only on the two records and the options.
    /// </summary>
    private (Verdict, double) Classify(PreparedRecord record, PreparedRecord other, Span<sbyte> levels, Span<double> weights)
    {
        var weight = model.Score(record, other, levels, weights);
        if (_options.RequireIdentityAgreement && !NamesAgree(levels))
        {
            return (Verdict.None, weight);
        }
        if (weight >= _options.MatchWeight)
        {
            return (Verdict.Link, weight);
        }
        if (weight >= _options.ReviewWeight && (!_options.RequireIdentityAgreement || (IdentityAgrees(levels) && !YearsFarApart(record, other))))
        {
            return (Verdict.Review, weight);
        }
        return (Verdict.None, weight);
    }

    /// <summary>Resolves again from scratch with the same records and every human decision, for example after a split.</summary>
    public Resolver Rebuild()
    {
        var rebuilt = new Resolver(model, _options);
        foreach (var pair in _cannotLink)
        {
            rebuilt._cannotLink.Add(pair);
        }
        foreach (var (id, others) in _mustLink)
        {
            rebuilt._mustLink[id] = [.. others];
        }
        foreach (var record in _records)
        {
            rebuilt.Add(record);
        }
        return rebuilt;
    }

    /// <summary>
    /// Whether two clusters may join through the link <paramref name="from"/>–<paramref name="to"/>. That link's
    /// own evidence has already been weighed; every other pair across the join must be free of conflicts, which
    /// is what stops A–B and B–C chaining A and C together when A and C are plainly different people.
    /// </summary>
    private bool CanJoin(int rootA, int rootB, int from, int to)
    {
        var a = Members(rootA);
        var b = Members(rootB);
        var checkedPairs = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (_cannotLink.Count > 0 && _cannotLink.Contains(Ordered(_records[x].Id, _records[y].Id)))
                {
                    return false;
                }
                if ((x, y) == (from, to) || (x, y) == (to, from))
                {
                    if (DirectConflict(_records[x], _records[y]))
                    {
                        return false;
                    }
                    continue;
                }
                if (Conflict(_records[x], _records[y]))
                {
                    return false;
                }
                if (checkedPairs++ < _options.MaxScoredPairsPerJoin && model.Score(_records[x], _records[y]) < _options.ConflictWeight)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// A link needs some agreement on the name (given, family, either swapped, or an alias) or a date of birth
    /// that agrees exactly or but for a swap or one digit (and both names when the recorded sexes differ): shared addresses
    /// and phones on their own also describe a household, ex-partners or a shared phone, which is exactly the
    /// victim and suspect of many stalking cases.
    /// </summary>
    public static bool NamesAgree(ReadOnlySpan<sbyte> levels)
    {
        var given = levels[Comparisons.Given] != Comparisons.GivenDifferent;
        var family = levels[Comparisons.Family] != Comparisons.FamilyDifferent;
        // Recorded as different sexes: one shared name ("Sam", "Chris") is not enough, both must agree.
        if (levels[Comparisons.Sex] == 1 && !(given && family))
        {
            return false;
        }
        return given || family || levels[Comparisons.BirthDate] is >= 0 and <= 2;
    }

    /// <summary>
    /// A pair goes to human review only if it also does not differ on both given name and date of birth:
    /// measured on the demo data, such pairs were almost all members of one household.
    /// </summary>
    public static bool IdentityAgrees(ReadOnlySpan<sbyte> levels) =>
        !(levels[Comparisons.Given] == Comparisons.GivenDifferent && levels[Comparisons.BirthDate] == Comparisons.BirthDateDifferent)
        && !(levels[Comparisons.Given] == Comparisons.GivenDifferent && levels[Comparisons.Family] == Comparisons.FamilyDifferent);

    /// <summary>
    /// Birth years more than two apart: a parent and child with one name, not a question worth a reviewer's
    /// time. (Years only, so partial dates count too; a keyed year can be one or two out.)
    /// </summary>
    public static bool YearsFarApart(PreparedRecord a, PreparedRecord b) =>
        a.Year is int x && b.Year is int y && Math.Abs(x - y) > 2;

    /// <summary>Evidence that two records are certainly different people, whatever else agrees.</summary>
    public static bool Conflict(PreparedRecord a, PreparedRecord b)
    {
        if (!a.FullDob || !b.FullDob)
        {
            return false;
        }
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Fields.Length];
        Comparisons.Compare(a, b, levels);
        if (levels[Comparisons.BirthDate] == Comparisons.BirthDateDifferent && Comparisons.BirthDatesFarApart(a, b))
        {
            return true;
        }
        // Twins: one birthday, one family, one address, two different given names.
        return levels[Comparisons.BirthDate] == 0 && levels[Comparisons.Given] == Comparisons.GivenDifferent;
    }

    /// <summary>
    /// For the link being weighed: full dates of birth that conflict outright need corroboration from where the
    /// person lives or how they are contacted, not names alone. Common names with different birthdays are
    /// different people; a record with a mistyped date but the same address and postcode is not.
    /// </summary>
    public static bool DirectConflict(PreparedRecord a, PreparedRecord b)
    {
        if (!a.FullDob || !b.FullDob)
        {
            return false;
        }
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Fields.Length];
        Comparisons.Compare(a, b, levels);
        if (levels[Comparisons.BirthDate] != Comparisons.BirthDateDifferent || !Comparisons.BirthDatesFarApart(a, b))
        {
            return false;
        }
        // Only identifiers of the person count: a shared address or postcode is also what a parent and child with
        // one name have, the classic hard negative.
        var corroborated = levels[Comparisons.Phone] == 0 || levels[Comparisons.Email] == 0;
        return !corroborated;
    }

    private string ClusterKey(int root) => _records[_members.TryGetValue(root, out var members) ? members[0] : root].Id;

    private IReadOnlyList<int> Members(int root) => _members.TryGetValue(root, out var members) ? members : [root];

    private int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    private void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b)
        {
            return;
        }
        var (keep, drop) = Members(a).Count >= Members(b).Count ? (a, b) : (b, a);
        _parent[drop] = keep;
        if (!_members.TryGetValue(keep, out var merged))
        {
            _members[keep] = merged = [keep];
        }
        merged.AddRange(Members(drop));
        merged.Sort();
        _members.Remove(drop);
    }

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static void Remember(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private readonly record struct ScoredLink(int Other, double Weight);

    private enum Verdict : byte
    {
        None,
        Link,
        Review,
    }

    /// <summary>Verdicts on one record's pairs scored ahead of time, by candidate index (sorted).</summary>
    private sealed class EarlyVerdicts(int[] others, (Verdict, double)[] verdicts)
    {
        public bool TryGet(int other, out (Verdict, double) verdict)
        {
            var at = Array.BinarySearch(others, other);
            verdict = at >= 0 ? verdicts[at] : default;
            return at >= 0;
        }
    }

    /// <summary>One parallel worker's own scratch space.</summary>
    private sealed class Worker
    {
        public CandidateScratch Scratch { get; } = new();

        public sbyte[] Levels { get; } = new sbyte[Comparisons.Fields.Length];

        public double[] Weights { get; } = new double[Comparisons.Fields.Length];
    }
}

/// <summary>
/// Fixed in advance for every data set: a link needs a posterior of at least 0.99 (weight ≥ log2(99) bits);
/// 0.5 to 0.99 goes to human review; a pair scoring below −8 bits inside a would-be cluster blocks the join.
/// </summary>
public sealed record ResolverOptions
{
    public double MatchWeight { get; init; } = Math.Log2(99);
    public double ReviewWeight { get; init; }
    public double ConflictWeight { get; init; } = -8;
    public int MaxScoredPairsPerJoin { get; init; } = 400;

    /// <summary>Apply <see cref="Resolver.NamesAgree"/> to links and <see cref="Resolver.IdentityAgrees"/> to review.</summary>
    public bool RequireIdentityAgreement { get; init; } = true;
}

public sealed record ScoredPair(string RecordA, string RecordB, double Weight)
{
    public double Probability => MatchModel.Probability(Weight);
}

public sealed record ResolveResult(string RecordId, string ClusterId, IReadOnlyList<ScoredPair> Links, IReadOnlyList<ScoredPair> ForReview);
