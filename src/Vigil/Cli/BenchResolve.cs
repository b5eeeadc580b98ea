using System.Diagnostics;
using System.Globalization;
using Vigil.Linking.Engine;
using Vigil.Linking.Synthetic;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil bench resolve --count N [--probes K] [--seed S]</c>: resolves N synthetic police-style records in
/// bulk, then times K further records resolved one at a time against that index, and prints throughput,
/// latency percentiles and the memory the index holds per record. Figures, not pass/fail: speed goals are
/// measured here, never in timed tests.
/// </summary>
internal static class BenchResolve
{
    private const int MaxTrainingRecords = 100_000;

    public static int Run(string[] args)
    {
        if (!BenchPeople.TryOption(args, "--count", 1_000, 50_000_000, out var count, required: true, verb: "resolve")
            || !BenchPeople.TryOption(args, "--probes", 1, 1_000_000, out var probes, required: false, fallback: 10_000, verb: "resolve")
            || !BenchPeople.TryOption(args, "--seed", int.MinValue, int.MaxValue, out var seed, required: false, fallback: 1, verb: "resolve"))
        {
            return VigilCli.ExitUsage;
        }
        // Generated and prepared in one pass, keeping only the prepared records: at ten million records the raw
        // records would need gigabytes of their own.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var pool = new StringPool();
        var prepared = new List<PreparedRecord>(count + probes);
        foreach (var p in new PoliceStylePeople(seed).Generate(count + probes))
        {
            prepared.Add(PreparedRecord.From(new PersonInput(
                p.RecordId, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, null, [p.Postcode], [p.Address], [p.Phone], [p.Email]), pool));
        }
        var preparing = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var model = Trainer.Train(prepared.Take(Math.Min(count, MaxTrainingRecords)).ToList());
        var training = clock.Elapsed.TotalSeconds;

        var population = prepared.Take(count).ToList();
        var pausedBefore = GC.GetTotalPauseDuration();
        clock.Restart();
        var resolver = Resolver.ResolveAll(population, model);
        var bulk = clock.Elapsed.TotalSeconds;
        var paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds;
        var comparisons = resolver.ComparisonsMade;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var latencies = new double[probes];
        for (var i = 0; i < probes; i++)
        {
            var start = Stopwatch.GetTimestamp();
            resolver.Add(prepared[count + i]);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        GC.KeepAlive(resolver);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            records              {count:N0} (seed {seed}; generated and prepared in {preparing:F1} s)
            training             {training:F1} s on {Math.Min(count, MaxTrainingRecords):N0} records
            bulk resolution      {bulk:F1} s, {count / bulk:N0} records/s, {comparisons:N0} comparisons, {paused:F1} s of it paused for garbage collection
            incremental          {probes:N0} new records: p50 {Percentile(0.50):F3} ms, p99 {Percentile(0.99):F3} ms, max {latencies[^1]:F3} ms
            index memory         {(after - before) / (double)count:N0} bytes per record (prepared records, blocks, clusters)
            peak working set     {PeakMiB():N0} MiB
            processors           {Environment.ProcessorCount}
            """));
        return VigilCli.ExitOk;
    }

    private static double PeakMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1048576.0;
    }
}
