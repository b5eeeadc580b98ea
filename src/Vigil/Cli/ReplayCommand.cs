using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Timeline;
using Vigil.Infrastructure.Data;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil replay FILE.json [--json] [--until T]</c>: applies a timeline to a fresh temporary database through
/// the same handlers as the pages and the API, with the clock set to each event's time, and prints the alerts
/// raised in the order raised. "Would Vigil have caught it?" is answered by running what happened through Vigil.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>Days the clock runs on after the last event when --until is not given, so deadline rules can fire.</summary>
    public const int DefaultDaysAfter = 30;

    private static readonly JsonSerializerOptions JsonOutput = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Points the host at a new temporary SQLite database and a clock the replay sets.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        var directory = TemporaryDatabase.Configure(builder, "vigil-replay-");
        builder.Services.AddSingleton(new ReplayClock(directory));
        builder.Services.AddSingleton<TimeProvider>(services => services.GetRequiredService<ReplayClock>());
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var clock = app.Services.GetRequiredService<ReplayClock>();
        try
        {
            return await ReplayAsync(app, clock, args);
        }
        finally
        {
            TemporaryDatabase.Delete(clock.Directory);
        }
    }

    private static async Task<int> ReplayAsync(WebApplication app, ReplayClock clock, string[] args)
    {
        // The replay output is English, as TIMELINE-FORMAT.md shows it.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("vigil replay needs a timeline file: vigil replay FILE.json [--json] [--until 2024-05-01T00:00:00Z]");
            return VigilCli.ExitUsage;
        }
        var path = args[1];
        DateTimeOffset? until = null;
        var untilIndex = Array.IndexOf(args, "--until");
        if (untilIndex >= 0)
        {
            if (untilIndex + 1 >= args.Length || !DateTimeOffset.TryParse(args[untilIndex + 1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await Console.Error.WriteLineAsync("--until expects an ISO-8601 instant, for example 2024-05-01T00:00:00Z");
                return VigilCli.ExitUsage;
            }
            until = parsed;
        }
        TimelineDocument timeline;
        try
        {
            timeline = TimelineReader.Read(path);
        }
        catch (TimelineFormatException e)
        {
            await Console.Error.WriteLineAsync($"vigil replay: {path}: {e.Message}");
            return VigilCli.ExitUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"vigil replay: cannot read {path}: {e.Message}");
            return VigilCli.ExitUsage;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        }
        var replay = new TimelineApplier(app.Services, timeline, import: false, sha256: "");
        await replay.PrepareAsync();
        foreach (var e in timeline.Events)
        {
            if (until is { } end && e.At > end)
            {
                break;
            }
            clock.Set(e.At);
            await replay.AdvanceClockAsync();
            if (await replay.ApplyAsync(e) is { } problem)
            {
                await Console.Error.WriteLineAsync($"vigil replay: {path}: event {e.Index} ({e.Type}), {problem}");
                return VigilCli.ExitUsage;
            }
        }
        var last = timeline.Events.Count > 0 ? timeline.Events[^1].At : clock.GetUtcNow();
        clock.Set(until ?? last.AddDays(DefaultDaysAfter));
        await replay.AdvanceClockAsync();
        var alerts = await replay.AlertsAsync();
        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(alerts, JsonOutput));
        }
        else
        {
            foreach (var a in alerts)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.RaisedAt:yyyy-MM-ddTHH:mm:ssZ} {a.Severity,-8} {a.Rule} [{a.Force}] {string.Join(", ", a.Refs)}"));
                Console.WriteLine($"    {a.Message}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{alerts.Count} alert(s) from {timeline.Events.Count} event(s)."));
        }
        return VigilCli.ExitOk;
    }
}

/// <summary>The replay's clock: set to each event's time, so every rule sees the time the event was recorded.</summary>
internal sealed class ReplayClock(string directory) : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    public string Directory => directory;

    public void Set(DateTimeOffset instant) => _now = instant > _now ? instant : _now;

    public override DateTimeOffset GetUtcNow() => _now;
}
