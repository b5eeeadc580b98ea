using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Timeline;
using Vigil.Infrastructure.Data;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil import FILE.json</c>: applies a timeline to the configured database and keeps the result (migration
/// from a legacy system, a cross-force transfer). Nothing is written unless the whole file is good: the file is
/// checked, then replayed in full on a temporary database (so a record a handler would refuse is found before
/// anything is written); only then is each event applied, in its own transaction with its alerts and the
/// import's progress. A crash or kill part-way leaves whole events only, and running the command again resumes
/// at the first event that did not commit.
/// </summary>
internal static class ImportCommand
{
    public static void Configure(WebApplicationBuilder builder)
    {
        // Imported records keep the times the file gives them: the clock follows the events, as in a replay.
        builder.Services.AddSingleton(new ReplayClock(""));
        builder.Services.AddSingleton<TimeProvider>(services => services.GetRequiredService<ReplayClock>());
        // The command reports what it did; the data layer's advice about queries is for developers, not here.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("vigil import needs a timeline file: vigil import FILE.json");
            return VigilCli.ExitUsage;
        }
        var path = args[1];
        TimelineDocument timeline;
        string sha256;
        try
        {
            timeline = TimelineReader.Read(path);
            await using var stream = File.OpenRead(path);
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        }
        catch (TimelineFormatException e)
        {
            await Console.Error.WriteLineAsync($"vigil import: {path}: {e.Message}. Nothing was written.");
            return VigilCli.ExitUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"vigil import: cannot read {path}: {e.Message}. Nothing was written.");
            return VigilCli.ExitUsage;
        }

        if (await DryRunAsync(path) is { } problem)
        {
            await Console.Error.WriteLineAsync($"vigil import: {problem.TrimEnd()} Nothing was written.");
            return VigilCli.ExitUsage;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                if (app.Environment.IsProduction())
                {
                    await Console.Error.WriteLineAsync("vigil import: the database has pending migrations; run 'vigil migrate' first. Nothing was written.");
                    return VigilCli.ExitRefused;
                }
                await db.Database.MigrateAsync();
            }
        }
        var clock = app.Services.GetRequiredService<ReplayClock>();
        var applier = new TimelineApplier(app.Services, timeline, import: true, sha256);
        await applier.PrepareAsync();
        if (applier.AlreadyComplete)
        {
            Console.WriteLine($"{path} was imported before (SHA-256 {sha256}); nothing to do.");
            return VigilCli.ExitOk;
        }
        if (applier.FirstEvent > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Resuming an interrupted import at event {applier.FirstEvent} of {timeline.Events.Count}."));
        }
        var started = clock.GetUtcNow();
        foreach (var e in timeline.Events.Skip(applier.FirstEvent))
        {
            clock.Set(e.At);
            await applier.AdvanceClockAsync();
            if (await applier.ApplyAsync(e) is { } refused)
            {
                await Console.Error.WriteLineAsync($"vigil import: {path}: event {e.Index} ({e.Type}), {refused}. Events before it were imported; run the command again to resume once the cause is fixed.");
                return VigilCli.ExitUsage;
            }
        }
        var alerts = await applier.AlertsAsync(applier.FirstEvent > 0 ? null : started);
        foreach (var a in alerts)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.RaisedAt:yyyy-MM-ddTHH:mm:ssZ} {a.Severity,-8} {a.Rule} [{a.Force}] {string.Join(", ", a.Refs)}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {timeline.Events.Count - applier.FirstEvent} event(s) from {path}; {alerts.Count} alert(s) rest on its records."));
        return VigilCli.ExitOk;
    }

    /// <summary>
    /// Replays the file on a temporary database in a child process (the replay verb), so that every event is
    /// known to apply before the configured database is touched. Returns the problem, or null.
    /// </summary>
    private static async Task<string?> DryRunAsync(string path)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        }
        start.ArgumentList.Add("replay");
        start.ArgumentList.Add(Path.GetFullPath(path));
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = await child.StandardError.ReadToEndAsync();
        await output;
        await child.WaitForExitAsync();
        return child.ExitCode == 0 ? null : errors.Replace("vigil replay: ", "", StringComparison.Ordinal);
    }
}
