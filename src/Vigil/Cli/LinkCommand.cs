using System.Globalization;
using Vigil.Linking.Evaluation;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil link --input FILE --format febrl|splink|rldata|csv [--mapping M] [--output clusters.csv] [--truth]
/// [--bad-rows stop|skip|blank] [--problems FILE]</c>: resolves a file of person records and writes a cluster id
/// per record; with --truth, measures the result against the truth the file carries. A bad row stops the run
/// (exit 2, naming line, column and what was expected) unless --bad-rows says to leave such rows out or blank
/// the bad values; every problem is then reported.
/// </summary>
internal static class LinkCommand
{
    private const int ProblemsShown = 20;

    public static int Run(string[] args, TimeProvider clock)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var input = Option("--input");
        var format = Option("--format");
        if (input is null || format is null)
        {
            Console.Error.WriteLine("vigil link needs --input FILE and --format febrl|splink|rldata|csv (csv also needs --mapping).");
            return VigilCli.ExitUsage;
        }
        var output = Option("--output") ?? "clusters.csv";
        var badRows = (Option("--bad-rows") ?? "stop").ToLowerInvariant() switch
        {
            "stop" => BadRows.Stop,
            "skip" => BadRows.Skip,
            "blank" => BadRows.Blank,
            _ => (BadRows?)null,
        };
        if (badRows is null)
        {
            Console.Error.WriteLine($"vigil link: --bad-rows must be stop, skip or blank, not '{Option("--bad-rows")}'.");
            return VigilCli.ExitUsage;
        }
        // The latest believable year of birth is this year, from the clock the caller was given.
        var options = new ReadOptions(badRows.Value, clock.GetUtcNow().Year);
        LinkageDataset dataset;
        try
        {
            dataset = Datasets.Read(input, format, Option("--mapping"), Option("--truth-file"), options);
        }
        catch (LinkageDataException e)
        {
            Console.Error.WriteLine($"vigil link: {input}: {e.Message}");
            if (e is LinkageRowException)
            {
                Console.Error.WriteLine("Nothing was linked. Correct the row, or run again with --bad-rows skip (leave such rows out) or --bad-rows blank (treat bad values as missing); either way every problem is reported.");
            }
            return VigilCli.ExitUsage;
        }
        if (dataset.Records.Count == 0)
        {
            Console.Error.WriteLine($"vigil link: {input}: no usable rows, so nothing to link.");
            Report(dataset, null);
            return VigilCli.ExitUsage;
        }
        var (resolver, report) = Metrics.Run(dataset);
        try
        {
            Report(dataset, Option("--problems"));
            using var writer = new StreamWriter(output);
            writer.WriteLine("record_id,cluster_id");
            foreach (var (record, cluster) in resolver.Clusters())
            {
                writer.WriteLine($"{CsvField(record)},{CsvField(cluster)}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"vigil link: cannot write the results: {e.Message}");
            return VigilCli.ExitFailure;
        }
        var clusters = resolver.Clusters().Select(c => c.ClusterId).Distinct(StringComparer.Ordinal).Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataset.Records.Count:N0} records -> {clusters:N0} people; clusters written to {output}."));
        if (Option("--missed") is { } missedText && dataset.Truth is { } truth && int.TryParse(missedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var missed))
        {
            // Diagnostics: true pairs the clustering did not join, with the evidence the engine saw.
            var cluster = resolver.Clusters().ToDictionary(c => c.RecordId, c => c.ClusterId, StringComparer.Ordinal);
            var byTruth = dataset.Records.Select((r, i) => (r.Id, Truth: truth[i])).GroupBy(x => x.Truth);
            foreach (var pair in byTruth.SelectMany(g => g.SelectMany(a => g.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0).Select(b => (a.Id, b.Id))))
                .Where(p => cluster[p.Item1] != cluster[p.Item2]).Take(missed))
            {
                var e = resolver.Explain(pair.Item1, pair.Item2);
                var evidence = string.Join("; ", e.Fields.Where(f => f.LevelIndex >= 0).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Field}={f.Level} ({f.Weight:F1})")));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair.Item1} ~ {pair.Item2}: {e.TotalWeight:F1} bits; {evidence}"));
                var a = resolver.Records.First(r => r.Id == pair.Item1);
                var b = resolver.Records.First(r => r.Id == pair.Item2);
                Console.WriteLine($"    {a.Given} {a.Family} {a.Year}-{a.Month}-{a.Day} | {b.Given} {b.Family} {b.Year}-{b.Month}-{b.Day} conflict={Vigil.Linking.Engine.Resolver.Conflict(a, b)}");
            }
        }
        if (args.Contains("--model"))
        {
            PrintModel(resolver.Model);
        }
        if (args.Contains("--truth"))
        {
            if (report is null)
            {
                Console.Error.WriteLine("vigil link: --truth asked for, but the file carries no truth.");
                return VigilCli.ExitUsage;
            }
            Print(report);
        }
        return VigilCli.ExitOk;
    }

    /// <summary>
    /// Says what was left out or blanked: a count, the first few on the error stream, and every one in a CSV file
    /// when --problems names one (an analyst fixing the source needs them all).
    /// </summary>
    private static void Report(LinkageDataset dataset, string? problemsPath)
    {
        if (dataset.Skipped.Count == 0 && dataset.Blanked.Count == 0)
        {
            return;
        }
        var problems = dataset.Skipped.Select(p => (Action: "left out", Problem: p))
            .Concat(dataset.Blanked.Select(p => (Action: "treated as missing", Problem: p))).ToList();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"vigil link: {dataset.Skipped.Count:N0} rows left out, {dataset.Blanked.Count:N0} values treated as missing."));
        foreach (var (action, problem) in problems.Take(ProblemsShown))
        {
            Console.Error.WriteLine($"  {problem} ({action})");
        }
        var total = problems.Count;
        if (total > ProblemsShown && problemsPath is null)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {total - ProblemsShown:N0} more; --problems FILE writes them all."));
        }
        if (problemsPath is not null)
        {
            using var writer = new StreamWriter(problemsPath);
            writer.WriteLine("line,field,expected,action");
            foreach (var (action, problem) in problems)
            {
                writer.WriteLine(string.Join(',', new[] { problem.Line.ToString(CultureInfo.InvariantCulture), problem.Field, problem.Expected, action }.Select(CsvField)));
            }
            Console.Error.WriteLine($"  all {total:N0} written to {problemsPath}.");
        }
    }

    private static string CsvField(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>The learned weights, so a user can see what the engine believes about each field.</summary>
    public static void PrintModel(Vigil.Linking.Engine.MatchModel model)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prior (blocked pairs) {model.Lambda:F4} = {model.PriorWeight:F2} bits"));
        for (var f = 0; f < Vigil.Linking.Engine.Comparisons.Fields.Length; f++)
        {
            var field = Vigil.Linking.Engine.Comparisons.Fields[f];
            for (var l = 0; l < field.Levels.Length; l++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {field.Name,-12} {field.Levels[l],-60} m={model.M[f][l]:F4} u={model.U[f][l]:F6} w={model.LevelWeight(f, l),6:F2}"));
            }
        }
    }

    public static void Print(LinkageReport r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        data set             {r.Dataset}
        records              {r.Records:N0} ({r.TruePairs:N0} true pairs, {r.PredictedPairs:N0} predicted)
        pairwise P / R / F1  {r.PairPrecision:F4} / {r.PairRecall:F4} / {r.PairF1:F4}
        B-cubed P / R / F1   {r.BCubedPrecision:F4} / {r.BCubedRecall:F4} / {r.BCubedF1:F4}
        recall at P >= 0.99  {r.RecallAtPrecision99:F4}
        blocking recall      {r.BlockingRecall:F4}
        comparisons          {r.Comparisons:N0}
        seconds              {r.Seconds:F2}
        peak memory          {r.PeakMemoryBytes / 1048576.0:F0} MiB
        """));
}
