using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Features.Audit;
using Vigil.Features.Demo;
using Vigil.Infrastructure;
using Vigil.Infrastructure.Data;

namespace Vigil.Cli;

/// <summary>
/// Command-line verbs of the one deployable. They share the app's configuration, services and handlers;
/// <c>serve</c> (the default) runs the web app.
/// </summary>
public static class VigilCli
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;
    public const int ExitRefused = 3;

    private const string Help = """
        Vigil: stalking case management and safeguarding.

        Usage: vigil [verb] [options]

        Verbs:
          serve                     Run the web pages and the JSON API (the default). In Development the database
                                    is migrated and, when empty, filled with demo data.
          migrate                   Apply pending database migrations and exit (the production deployment step).
          seed [--seed N] [--reset] Fill an empty database with deterministic demo data (default seed 1).
                                    --reset deletes and recreates the database first (refused in Production).
          audit verify              Check the audit log's hash chain and report the first break.
          link --input FILE --format febrl|splink|rldata|csv [--mapping M] [--output F] [--truth]
               [--bad-rows stop|skip|blank] [--problems FILE]
                                    Resolve a file of person records into people; with --truth, measure the
                                    result (pairwise and B-cubed precision/recall/F1, blocking recall, speed).
          replay FILE.json [--json] [--until T]
                                    Apply a vigil-timeline/1 file to a fresh temporary database, with the clock at
                                    each event's time, and print the alerts raised.
          import FILE.json          Apply a timeline to the configured database and keep it. The whole file is
                                    checked and replayed first, so nothing is written unless every event applies;
                                    each event then commits with its alerts, and an interrupted import resumes.
          bench people --count N [--seed S] [--output FILE]
                                    Write N synthetic police-style person records (CSV, human_id = truth): typos,
                                    nicknames, swapped names, partial dates, phone formats, several forces, and
                                    hard negatives (twins, parent and child with one name, common names).
          bench rules --incidents N [--samples K]
                                    Fill a temporary database with N demo incidents, then time the rules run after
                                    a write (K samples, each rolled back): the latency rules add to recording.
          bench resolve --count N [--probes K] [--seed S]
                                    Resolve N synthetic records in bulk, then K more one at a time: throughput,
                                    latency p50/p99 and index memory per record.
          --help                    Show this text.

        Configuration (appsettings.json or environment):
          Database__Provider=Sqlite|Postgres   ConnectionStrings__Vigil=...   Vigil__DataDirectory=...
        """;

    /// <summary>Host arguments exclude the verb and its own options, which the host would misread.</summary>
    public static string[] HostArguments(string[] args)
    {
        var result = new List<string>();
        var i = 0;
        while (i < args.Length && !args[i].StartsWith('-'))
        {
            i++;
        }
        for (; i < args.Length; i++)
        {
            if (args[i] is "--seed" or "--count" or "--probes" or "--output" or "--input" or "--format" or "--mapping" or "--truth-file" or "--missed" or "--bad-rows" or "--problems" or "--until" or "--incidents" or "--samples")
            {
                i++;
            }
            else if (args[i] is not ("--reset" or "--help" or "-h" or "--truth" or "--model" or "--json"))
            {
                result.Add(args[i]);
            }
        }
        return [.. result];
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var verb = args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "-h") ? "serve" : args[0];
        switch (verb)
        {
            case "--help" or "-h" or "help":
                Console.WriteLine(Help);
                return ExitOk;
            case "serve":
                return await ServeAsync(app);
            case "migrate":
                return await MigrateAsync(app);
            case "seed":
                return await SeedAsync(app, args);
            case "audit" when args.Length > 1 && args[1] == "verify":
                return await VerifyAuditAsync(app);
            case "replay":
                return await ReplayCommand.RunAsync(app, args);
            case "import":
                return await ImportCommand.RunAsync(app, args);
            case "link":
                return LinkCommand.Run(args, app.Services.GetRequiredService<TimeProvider>());
            case "bench" when args.Length > 1 && args[1] == "people":
                return await BenchPeople.RunAsync(args);
            case "bench" when args.Length > 1 && args[1] == "resolve":
                return BenchResolve.Run(args);
            case "bench" when args.Length > 1 && args[1] == "rules":
                return await BenchRules.RunAsync(app, args);
            default:
                await Console.Error.WriteLineAsync($"Unknown verb '{string.Join(' ', args.Take(2))}'. Run 'vigil --help' for the list.");
                return ExitUsage;
        }
    }

    private static async Task<int> ServeAsync(WebApplication app)
    {
        var started = Stopwatch.StartNew();
        var refusal = await StartupChecks.PrepareAsync(app.Services, app.Environment, app.Logger, CancellationToken.None);
        if (refusal is not null)
        {
            await Console.Error.WriteLineAsync(refusal);
            return ExitRefused;
        }
        app.UseVigilWeb();
        app.Lifetime.ApplicationStarted.Register(() => CliLog.Ready(app.Logger, started.ElapsedMilliseconds));
        await app.RunAsync();
        return ExitOk;
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return ExitOk;
    }

    private static async Task<int> SeedAsync(WebApplication app, string[] args)
    {
        var seed = app.Services.GetRequiredService<IOptions<VigilOptions>>().Value.DemoSeed;
        var seedIndex = Array.IndexOf(args, "--seed");
        if (seedIndex >= 0 && (seedIndex + 1 >= args.Length || !int.TryParse(args[seedIndex + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed)))
        {
            await Console.Error.WriteLineAsync("--seed expects a whole number, for example: vigil seed --seed 42");
            return ExitUsage;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (args.Contains("--reset"))
        {
            if (app.Environment.IsProduction())
            {
                await Console.Error.WriteLineAsync("Refusing to delete a database in Production.");
                return ExitRefused;
            }
            await db.Database.EnsureDeletedAsync();
        }
        await db.Database.MigrateAsync();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
        var result = await seeder.SeedAsync(seed, DemoDataSeeder.DefaultHumans, DemoDataSeeder.DefaultIncidents, CancellationToken.None);
        if (result is null)
        {
            await Console.Error.WriteLineAsync("The database already holds data; nothing was added. Use --reset to start again.");
            return ExitRefused;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded with seed {seed}: {result.Forces} forces, {result.Users} users, {result.PersonRecords} person records, {result.Incidents} incidents, {result.Cases} cases."));
        return ExitOk;
    }

    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<VerifyAuditChainHandler>().HandleAsync(CancellationToken.None);
        if (report.Intact)
        {
            var head = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.OrderByDescending(a => a.Sequence).Select(a => a.Hash).FirstOrDefaultAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit chain intact: {report.EventsChecked} events checked. Head hash: {head ?? "(empty)"}"));
            return ExitOk;
        }
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Audit chain BROKEN at event {report.FirstBrokenSequence}: {report.Problem}. {report.EventsChecked} events before it are intact."));
        return ExitFailure;
    }
}

internal static partial class CliLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Vigil ready in {ElapsedMilliseconds} ms")]
    public static partial void Ready(ILogger logger, long elapsedMilliseconds);
}
