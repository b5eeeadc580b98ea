using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Demo;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil bench rules --incidents N [--samples K]</c>: how much rule evaluation adds to recording an incident when
/// N incidents are already stored. A temporary SQLite database is filled with demo data (rules off while seeding),
/// then for K incidents chosen at random the whole rule set runs as it does after a write, inside a transaction that
/// is then rolled back, so every sample sees the same database. Figures, not pass/fail.
/// </summary>
internal static class BenchRules
{
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
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.Database.MigrateAsync();
                // About 2.5 incidents per human, as in the demo data.
                await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(1, Math.Max(50, incidents * 2 / 5), incidents, CancellationToken.None, evaluateRules: false);
            }
            var seeding = clock.Elapsed.TotalSeconds;
            List<long> ids;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents.Select(i => i.Id).ToListAsync();
            }
            var random = new Random(7);
            var latencies = new double[samples];
            var findings = 0;
            for (var s = 0; s < samples; s++)
            {
                var id = ids[random.Next(ids.Count)];
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var engine = scope.ServiceProvider.GetRequiredService<AlertEngine>();
                await db.RunAsync<bool>(async ct =>
                {
                    var start = Stopwatch.GetTimestamp();
                    findings += (await engine.RunAsync(RuleTrigger.ForIncident(id), ct)).Count;
                    latencies[s] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    // Roll back: every sample evaluates against the same stored data.
                    return new Conflict("bench");
                }, CancellationToken.None);
            }
            Array.Sort(latencies);
            double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
            var rules = app.Services.GetServices<IRule>().Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                incidents stored     {ids.Count:N0} (seeded in {seeding:F1} s)
                rules                {rules}
                samples              {samples:N0} evaluations after a write, each rolled back ({findings:N0} alerts would have been raised or updated)
                added latency        mean {latencies.Average():F2} ms, p50 {Percentile(0.50):F2} ms, p99 {Percentile(0.99):F2} ms, max {latencies[^1]:F2} ms
                processors           {Environment.ProcessorCount}
                """));
            return VigilCli.ExitOk;
        }
        finally
        {
            TemporaryDatabase.Delete(directory);
        }
    }
}
