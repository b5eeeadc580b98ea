namespace Vigil.Linking.Engine;

/// <summary>
/// Fellegi–Sunter weights: for each field and agreement level, m = P(level | same person) and
/// u = P(level | different people); the evidence of a level is log2(m/u) bits. Exact name agreements use the
/// name's own frequency in place of u, so agreeing on "Jones" counts for less than agreeing on "Trevithick".
/// </summary>
public sealed class MatchModel
{
    public required double[][] M { get; init; }
    public required double[][] U { get; init; }

    /// <summary>Prior probability that a compared (blocked) pair is a match.</summary>
    public required double Lambda { get; init; }

    public required IReadOnlyDictionary<string, double> GivenFrequency { get; init; }
    public required IReadOnlyDictionary<string, double> FamilyFrequency { get; init; }

    /// <summary>Frequency used for a name never seen in training.</summary>
    public required double UnseenFrequency { get; init; }

    public double PriorWeight => Math.Log2(Lambda / (1 - Lambda));

    public double LevelWeight(int field, int level) => level < 0 ? 0 : Weights[field][level];

    // log2(m/u) per field and level, and the frequency-adjusted weight of each exact name, worked out once: every
    // scored pair needs ten of them, and the logarithms were a fifth of the cost of scoring.
    private double[][]? _weights;
    private Dictionary<string, double>? _givenExact;
    private Dictionary<string, double>? _familyExact;

    private double[][] Weights => _weights ??= M.Select((m, f) => m.Select((x, l) => Math.Log2(x / U[f][l])).ToArray()).ToArray();

    /// <summary>Total match weight in bits (prior included) and fills the per-field weights.</summary>
    public double Score(PreparedRecord a, PreparedRecord b, Span<sbyte> levels, Span<double> weights)
    {
        Comparisons.Compare(a, b, levels);
        var total = PriorWeight;
        for (var f = 0; f < levels.Length; f++)
        {
            var w = FieldWeight(f, levels[f], a, b);
            weights[f] = w;
            total += w;
        }
        return total;
    }

    public double Score(PreparedRecord a, PreparedRecord b)
    {
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Fields.Length];
        Span<double> weights = stackalloc double[Comparisons.Fields.Length];
        return Score(a, b, levels, weights);
    }

    private double FieldWeight(int field, int level, PreparedRecord a, PreparedRecord b)
    {
        if (level < 0)
        {
            return 0;
        }
        if (level == 0 && field == Comparisons.Given && a.GivenCanonical == b.GivenCanonical)
        {
            return ExactWeight(_givenExact ??= ExactWeights(GivenFrequency, field), a.GivenCanonical, field);
        }
        if (level == 0 && field == Comparisons.Family && a.FamilyCompact == b.FamilyCompact)
        {
            return ExactWeight(_familyExact ??= ExactWeights(FamilyFrequency, field), a.FamilyCompact, field);
        }
        return LevelWeight(field, level);
    }

    private double ExactWeight(Dictionary<string, double> table, string value, int field) =>
        table.TryGetValue(value, out var w) ? w : Math.Log2(M[field][0] / Math.Max(UnseenFrequency, U[field][0]));

    private Dictionary<string, double> ExactWeights(IReadOnlyDictionary<string, double> frequencies, int field) =>
        frequencies.ToDictionary(p => p.Key, p => Math.Log2(M[field][0] / Math.Max(p.Value, U[field][0])), StringComparer.Ordinal);

    public static double Probability(double weight) => 1 / (1 + Math.Pow(2, -weight));

    /// <summary>Why two records do or do not match: every field's level and weight, the prior and the total.</summary>
    public MatchExplanation Explain(PreparedRecord a, PreparedRecord b)
    {
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Fields.Length];
        Span<double> weights = stackalloc double[Comparisons.Fields.Length];
        var swapped = Comparisons.Compare(a, b, levels);
        var total = Score(a, b, levels, weights);
        var fields = new List<FieldEvidence>(levels.Length);
        for (var f = 0; f < levels.Length; f++)
        {
            var field = Comparisons.Fields[f];
            var tf = levels[f] == 0 && (f == Comparisons.Given || f == Comparisons.Family);
            fields.Add(new FieldEvidence(field.Name, levels[f] < 0 ? "missing" : field.Levels[levels[f]], levels[f], weights[f], tf));
        }
        return new MatchExplanation(a.Id, b.Id, fields, PriorWeight, total, Probability(total), swapped);
    }
}

public sealed record FieldEvidence(string Field, string Level, int LevelIndex, double Weight, bool FrequencyAdjusted);

public sealed record MatchExplanation(string RecordA, string RecordB, IReadOnlyList<FieldEvidence> Fields, double PriorWeight, double TotalWeight, double Probability, bool NamesSwapped);
