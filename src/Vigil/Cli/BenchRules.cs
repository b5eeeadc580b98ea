using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Demo;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil bench rules --incidents N [--samples K]</c>: how much rule evaluation adds to recording an incident when
/// N incidents are already stored. A temporary SQLite database is filled with the demo world (no rules run while
/// loading; see <see cref="BenchRulesData"/>), then for K incidents chosen at random the whole rule set runs as it
/// does after a write, inside a transaction that is then rolled back, so every sample sees the same database. Each
/// rule is timed too, so a rule that grows with the data shows itself. Figures, not pass/fail.
/// </summary>
internal static class BenchRules
{
    private const int Warmup = 20;

    public static void Configure(WebApplicationBuilder builder) => TemporaryDatabase.Configure(builder, "vigil-bench-rules-");

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!BenchPeople.TryOption(args, "--incidents", 100, 10_000_000, out var incidents, required: true, verb: "rules")
            || !BenchPeople.TryOption(args, "--samples", 10, 100_000, out var samples, required: false, fallback: 1_000, verb: "rules"))
        {
            return VigilCli.ExitUsage;
        }
        var directory = app.Configuration["Vigil:DataDirectory"]!;
        try
        {
            var clock = Stopwatch.StartNew();
            BenchRulesData.Loaded loaded;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.Database.MigrateAsync();
                loaded = await BenchRulesData.LoadAsync(db, scope.ServiceProvider.GetRequiredService<DemoDataSeeder>(), incidents, CancellationToken.None);
            }
            var seeding = clock.Elapsed.TotalSeconds;
            List<long> ids;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents.Select(i => i.Id).ToListAsync();
            }
            var random = new Random(7);
            // Each rule timed on its own: the engine and the rules are the registered ones, only wrapped.
            var rules = app.Services.GetServices<IRule>().Select(r => new TimedRule(r, samples)).ToList();
            var time = app.Services.GetRequiredService<TimeProvider>();
            var latencies = new double[samples];
            var findings = 0;
            // The first evaluations compile EF's queries, once per process; a running server has long done that.
            for (var s = -Warmup; s < samples; s++)
            {
                var id = ids[random.Next(ids.Count)];
                var sample = s;
                rules.ForEach(r => r.Sample = sample);
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var engine = new AlertEngine(db, time, rules);
                await db.RunAsync<bool>(async ct =>
                {
                    var start = Stopwatch.GetTimestamp();
                    var changed = (await engine.RunAsync(RuleTrigger.ForIncident(id), ct)).Count;
                    if (s >= 0)
                    {
                        latencies[s] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                        findings += changed;
                    }
                    // Roll back: every sample evaluates against the same stored data.
                    return new Conflict("bench");
                }, CancellationToken.None);
            }
            var engineOnly = latencies.Select((total, s) => total - rules.Sum(r => r.Milliseconds[s])).ToArray();
            var output = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
                incidents stored     {ids.Count:N0} ({loaded.Parties:N0} parties, {loaded.PersonRecords:N0} person records of {loaded.People:N0} people, {loaded.Cases:N0} cases)
                loaded in            {seeding:F1} s (drawing the demo world {loaded.Generating.TotalSeconds:F1} s, writing it {loaded.Writing.TotalSeconds:F1} s)
                rules                {rules.Count}
                samples              {samples:N0} evaluations after a write, each rolled back, after {Warmup} not counted ({findings:N0} alerts would have been raised or updated)
                added latency        {Summary(latencies)}
                processors           {Environment.ProcessorCount}
                by rule (the first rule needing the incident and its victim-suspect histories reads them for all)

                """));
            foreach (var rule in rules)
            {
                output.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {rule.Id,-24} {Summary(rule.Milliseconds)}"));
            }
            output.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {"(applying findings)",-24} {Summary(engineOnly)}"));
            Console.Write(output.ToString());
            return VigilCli.ExitOk;
        }
        finally
        {
            TemporaryDatabase.Delete(directory);
        }
    }

    private static string Summary(double[] milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"mean {sorted.Average(),7:F2} ms, p50 {Percentile(0.50),7:F2} ms, p99 {Percentile(0.99),7:F2} ms, max {sorted[^1],7:F2} ms");
    }

    /// <summary>A registered rule with a stopwatch around it; warm-up evaluations (negative samples) are not kept.</summary>
    private sealed class TimedRule(IRule rule, int samples) : IRule
    {
        public double[] Milliseconds { get; } = new double[samples];

        public int Sample { get; set; }

        public string Id => rule.Id;

        public AlertSeverity DefaultSeverity => rule.DefaultSeverity;

        public IReadOnlyList<RuleThreshold> Thresholds => rule.Thresholds;

        public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            await rule.EvaluateAsync(context, cancellationToken);
            if (Sample >= 0)
            {
                Milliseconds[Sample] += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
    }
}
