using System.Diagnostics;
using Vigil.Linking.Engine;

namespace Vigil.Linking.Evaluation;

public sealed record LinkageReport(
    string Dataset,
    int Records,
    long TruePairs,
    long PredictedPairs,
    double PairPrecision,
    double PairRecall,
    double PairF1,
    double BCubedPrecision,
    double BCubedRecall,
    double BCubedF1,
    double RecallAtPrecision99,
    double BlockingRecall,
    long Comparisons,
    double Seconds,
    long PeakMemoryBytes);

/// <summary>Runs the engine over a data set and measures it against the truth, always over all records.</summary>
public static class Metrics
{
    public static (Resolver Resolver, LinkageReport? Report) Run(LinkageDataset dataset, ResolverOptions? options = null, int seed = 42)
    {
        var clock = Stopwatch.StartNew();
        var pool = new StringPool();
        var records = dataset.Records.Select(r => PreparedRecord.From(r, pool)).ToList();
        var model = Trainer.Train(records, seed);
        var resolver = Resolver.ResolveAll(records, model, options);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = Math.Max(Process.GetCurrentProcess().PeakWorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
        if (dataset.Truth is null)
        {
            return (resolver, null);
        }
        var predicted = resolver.Clusters().Select(c => c.ClusterId).ToList();
        var (tp, truePairs, predictedPairs) = PairCounts(predicted, dataset.Truth);
        var precision = predictedPairs == 0 ? 1 : (double)tp / predictedPairs;
        var recall = truePairs == 0 ? 1 : (double)tp / truePairs;
        var (bp, br) = BCubed(predicted, dataset.Truth);
        var (recallAt99, blockingRecall) = PairScores(records, model, dataset.Truth, truePairs);
        return (resolver, new LinkageReport(dataset.Name, records.Count, truePairs, predictedPairs, precision, recall, F1(precision, recall),
            bp, br, F1(bp, br), recallAt99, blockingRecall, resolver.ComparisonsMade, seconds, peak));
    }

    public static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    /// <summary>True positives, true pairs and predicted pairs, counted from cluster sizes without listing pairs.</summary>
    public static (long TruePositives, long TruePairs, long PredictedPairs) PairCounts(IReadOnlyList<string> predicted, IReadOnlyList<string> truth)
    {
        static long Pairs(IEnumerable<int> sizes) => sizes.Sum(n => (long)n * (n - 1) / 2);
        var tp = Pairs(predicted.Zip(truth).GroupBy(x => x).Select(g => g.Count()));
        return (tp, Pairs(truth.GroupBy(t => t, StringComparer.Ordinal).Select(g => g.Count())), Pairs(predicted.GroupBy(p => p, StringComparer.Ordinal).Select(g => g.Count())));
    }

    public static (double Precision, double Recall) BCubed(IReadOnlyList<string> predicted, IReadOnlyList<string> truth)
    {
        var predictedSize = predicted.GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var truthSize = truth.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var both = predicted.Zip(truth).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        double p = 0, r = 0;
        for (var i = 0; i < predicted.Count; i++)
        {
            var overlap = both[(predicted[i], truth[i])];
            p += (double)overlap / predictedSize[predicted[i]];
            r += (double)overlap / truthSize[truth[i]];
        }
        return (p / predicted.Count, r / predicted.Count);
    }

    /// <summary>
    /// Scores every blocked pair once. Recall at precision ≥ 0.99 walks the pairs from strongest to weakest and
    /// keeps the best recall while precision stays at or above 0.99; true pairs never blocked count as missed.
    /// </summary>
    public static (double RecallAt99, double BlockingRecall) PairScores(IReadOnlyList<PreparedRecord> records, MatchModel model, IReadOnlyList<string> truth, long truePairs)
    {
        if (truePairs == 0)
        {
            return (1, 1);
        }
        var index = new BlockIndex();
        var scored = new List<(double Weight, bool Match)>();
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var j in index.Candidates(records[i], i))
            {
                scored.Add((model.Score(records[i], records[j]), truth[i] == truth[j]));
            }
            index.Add(records[i], i);
        }
        var blockedTrue = scored.LongCount(s => s.Match);
        scored.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        long tp = 0;
        var best = 0.0;
        for (var k = 0; k < scored.Count; k++)
        {
            if (scored[k].Match)
            {
                tp++;
            }
            if ((double)tp / (k + 1) >= 0.99)
            {
                best = Math.Max(best, (double)tp / truePairs);
            }
        }
        return (best, (double)blockedTrue / truePairs);
    }
}
