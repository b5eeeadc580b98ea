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

    public double LevelWeight(int field, int level) => level < 0 ? 0 : Math.Log2(M[field][level] / U[field][level]);

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
            return Math.Log2(M[field][0] / Math.Max(Frequency(GivenFrequency, a.GivenCanonical), U[field][0]));
        }
        if (level == 0 && field == Comparisons.Family && a.FamilyCompact == b.FamilyCompact)
        {
            return Math.Log2(M[field][0] / Math.Max(Frequency(FamilyFrequency, a.FamilyCompact), U[field][0]));
        }
        return LevelWeight(field, level);
    }

    private double Frequency(IReadOnlyDictionary<string, double> table, string value) =>
        table.TryGetValue(value, out var f) ? f : UnseenFrequency;

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
