namespace Vigil.Linking.Engine;

/// <summary>
/// Learns a <see cref="MatchModel"/> from unlabelled records. u comes from random pairs (almost all of which are
/// different people); m and the match prior come from expectation–maximisation over the blocked pairs, started
/// from the pairs that agree strongly on name and date of birth. u stays fixed and the prior is bounded, so EM
/// cannot drift into explaining some other shared trait (a household, a common surname) as "the same person".
/// </summary>
public static class Trainer
{
    public const int RandomPairs = 400_000;
    public const int MaxTrainingPairs = 600_000;
    public const int Iterations = 40;
    private const double MinLambda = 1e-5;
    private const double MaxLambda = 0.9;

    public static MatchModel Train(IReadOnlyList<PreparedRecord> records, int seed = 42)
    {
        var fields = Comparisons.Fields.Length;
        var random = new Random(seed);
        var u = Counts();
        var levels = new sbyte[fields];
        var n = records.Count;
        if (n >= 2)
        {
            var samples = Math.Min(RandomPairs, (long)n * (n - 1) / 2);
            for (var s = 0; s < samples; s++)
            {
                var i = random.Next(n);
                var j = random.Next(n - 1);
                if (j >= i)
                {
                    j++;
                }
                Comparisons.Compare(records[i], records[j], levels);
                Add(u, levels, 1);
            }
        }
        var uProb = Normalise(u, 1);

        var pairs = CandidatePairs(records, random);
        var pairLevels = new sbyte[pairs.Count * fields];
        for (var p = 0; p < pairs.Count; p++)
        {
            Comparisons.Compare(records[pairs[p].A], records[pairs[p].B], pairLevels.AsSpan(p * fields, fields));
        }

        // Each field's m starts from pairs that agree strongly on the OTHER fields (leave-one-field-out anchors):
        // those pairs are nearly all true matches, whatever this field says, so its m is not assumed.
        var mProb = new double[fields][];
        var anchorStrength = new double[fields];
        for (var f = 0; f < fields; f++)
        {
            var counts = new double[Comparisons.Fields[f].Levels.Length];
            var anchored = 0;
            for (var p = 0; p < pairs.Count; p++)
            {
                var l = pairLevels.AsSpan(p * fields, fields);
                if (l[f] >= 0 && Anchor(f, l))
                {
                    counts[l[f]]++;
                    anchored++;
                }
            }
            mProb[f] = anchored >= 20 ? Normalise([counts], 1)[0] : Initial()[f];
            anchorStrength[f] = Math.Max(anchored, 20);
        }
        var anchorM = mProb.Select(m => m.ToArray()).ToArray();
        var strongCount = 0;
        for (var p = 0; p < pairs.Count; p++)
        {
            var l = pairLevels.AsSpan(p * fields, fields);
            if (NamesStrong(l) && DobStrong(l))
            {
                strongCount++;
            }
        }
        // The prior is the anchored share of matches and stays fixed, and each EM update of m is pulled towards its
        // anchor (a Dirichlet prior as strong as the anchor evidence). Left free, EM happily decides that "shares a
        // block" is what a match is: the prior climbs and every "different" level stops counting against a match.
        var lambda = Math.Clamp(pairs.Count == 0 ? 0.01 : (double)Math.Max(1, strongCount) / pairs.Count, MinLambda, 0.25);

        var logM = new double[fields][];
        var logU = new double[fields][];
        for (var iteration = 0; iteration < Iterations && pairs.Count > 0; iteration++)
        {
            for (var f = 0; f < fields; f++)
            {
                logM[f] = mProb[f].Select(x => Math.Log(x)).ToArray();
                logU[f] = uProb[f].Select(x => Math.Log(x)).ToArray();
            }
            var mCounts = Counts();
            var logPrior = Math.Log(lambda) - Math.Log(1 - lambda);
            for (var p = 0; p < pairs.Count; p++)
            {
                var l = pairLevels.AsSpan(p * fields, fields);
                var logit = logPrior;
                for (var f = 0; f < fields; f++)
                {
                    if (l[f] >= 0)
                    {
                        logit += logM[f][l[f]] - logU[f][l[f]];
                    }
                }
                var posterior = 1 / (1 + Math.Exp(-Math.Clamp(logit, -50, 50)));
                Add(mCounts, l, posterior);
            }
            for (var f = 0; f < fields; f++)
            {
                var evidence = mCounts[f].Sum();
                var levelsOfField = mCounts[f].Length;
                mProb[f] = Enumerable.Range(0, levelsOfField)
                    .Select(l => (mCounts[f][l] + anchorStrength[f] * anchorM[f][l] + 0.5) / (evidence + anchorStrength[f] + 0.5 * levelsOfField))
                    .ToArray();
            }
        }

        // Agreement must never count against a match: keep each field's best level at least as likely for matches.
        for (var f = 0; f < fields; f++)
        {
            if (mProb[f][0] < uProb[f][0])
            {
                mProb[f][0] = uProb[f][0];
            }
        }

        var givenCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var familyCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.GivenCanonical.Length > 0)
            {
                givenCounts[r.GivenCanonical] = givenCounts.GetValueOrDefault(r.GivenCanonical) + 1;
            }
            if (r.FamilyCompact.Length > 0)
            {
                familyCounts[r.FamilyCompact] = familyCounts.GetValueOrDefault(r.FamilyCompact) + 1;
            }
        }
        var denominator = Math.Max(1, n);
        return new MatchModel
        {
            M = mProb,
            U = uProb,
            Lambda = lambda,
            GivenFrequency = givenCounts.ToDictionary(kv => kv.Key, kv => (double)kv.Value / denominator, StringComparer.Ordinal),
            FamilyFrequency = familyCounts.ToDictionary(kv => kv.Key, kv => (double)kv.Value / denominator, StringComparer.Ordinal),
            UnseenFrequency = 1.0 / denominator,
        };
    }

    /// <summary>Distinct blocked pairs, sampled down when there are very many.</summary>
    public static List<(int A, int B)> CandidatePairs(IReadOnlyList<PreparedRecord> records, Random random)
    {
        var index = new BlockIndex();
        var pairs = new HashSet<(int, int)>();
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var j in index.Candidates(records[i], i))
            {
                pairs.Add((j, i));
            }
            index.Add(records[i], i);
        }
        var list = pairs.ToList();
        list.Sort();
        if (list.Count > MaxTrainingPairs)
        {
            // A seeded shuffle keeps training reproducible.
            for (var i = list.Count - 1; i > 0; i--)
            {
                var k = random.Next(i + 1);
                (list[i], list[k]) = (list[k], list[i]);
            }
            list.RemoveRange(MaxTrainingPairs, list.Count - MaxTrainingPairs);
        }
        return list;
    }

    private static bool NamesStrong(ReadOnlySpan<sbyte> l) => l[Comparisons.Given] is 0 or 1 && l[Comparisons.Family] is 0 or 1;

    private static bool DobStrong(ReadOnlySpan<sbyte> l) => l[Comparisons.BirthDate] is 0 or 1 or 2;

    private static bool Anchor(int field, ReadOnlySpan<sbyte> l) => field switch
    {
        Comparisons.Given => l[Comparisons.Family] is 0 or 1 && DobStrong(l),
        Comparisons.Family => l[Comparisons.Given] is 0 or 1 && DobStrong(l),
        Comparisons.BirthDate => NamesStrong(l) && (l[Comparisons.Postcode] == 0 || l[Comparisons.Address] is 0 or 1 || l[Comparisons.Phone] == 0
            || l[Comparisons.Email] == 0 || (l[Comparisons.Given] == 0 && l[Comparisons.Family] == 0)),
        _ => NamesStrong(l) && DobStrong(l),
    };

    private static double[][] Counts() => Comparisons.Fields.Select(f => new double[f.Levels.Length]).ToArray();

    private static void Add(double[][] counts, ReadOnlySpan<sbyte> levels, double weight)
    {
        for (var f = 0; f < levels.Length; f++)
        {
            if (levels[f] >= 0)
            {
                counts[f][levels[f]] += weight;
            }
        }
    }

    private static double[][] Normalise(double[][] counts, double pseudo) =>
        counts.Select(c =>
        {
            var sum = c.Sum() + pseudo * c.Length;
            return c.Select(x => (x + pseudo) / sum).ToArray();
        }).ToArray();

    private static double[][] Initial() =>
        Comparisons.Fields.Select(f => Enumerable.Range(0, f.Levels.Length).Select(l => l == 0 ? 0.8 : 0.2 / (f.Levels.Length - 1)).ToArray()).ToArray();
}
