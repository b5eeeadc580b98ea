using System.Diagnostics;
using System.Text.Json;
using Vigil.Features.Alerts;
using Vigil.Features.Alerts.Rules;

namespace Vigil.IntegrationTests;

/// <summary>
/// Every scenario timeline (the shared examples and ours under tests/scenarios) replayed through the real command:
/// each rule it must raise is raised and each rule it must not raise is not — for the rules that exist so far.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Scenarios()
    {
        var files = new TheoryData<string>();
        foreach (var folder in new[] { Path.Combine(Root, "..", "shared", "scenarios", "examples"), Path.Combine(Root, "tests", "scenarios") })
        {
            foreach (var file in Directory.GetFiles(folder, "*.json").Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                files.Add(Path.GetFullPath(file));
            }
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_RaisesWhatItMust_AndNothingItMustNot(string file)
    {
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(file[..^".json".Length] + ".expected.json"));
        // The catalogue is the rules under Features/Alerts/Rules; other IRule types (the bench's timing wrapper) are not rules.
        var implemented = typeof(IRule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t) && t.Namespace == typeof(CourseOfConductRule).Namespace)
            .Select(t => ((IRule)Activator.CreateInstance(t)!).Id).ToHashSet(StringComparer.Ordinal);

        var raised = await ReplayAsync(file);

        foreach (var rule in expected.RootElement.GetProperty("mustRaise").EnumerateArray().Select(r => r.GetString()!).Where(implemented.Contains))
        {
            Assert.True(raised.Contains(rule), $"{Path.GetFileName(file)}: expected {rule}; raised {string.Join(", ", raised)}");
        }
        foreach (var rule in expected.RootElement.GetProperty("mustNotRaise").EnumerateArray().Select(r => r.GetString()!).Where(implemented.Contains))
        {
            Assert.False(raised.Contains(rule), $"{Path.GetFileName(file)}: {rule} must not be raised");
        }
    }

    [Fact]
    public async Task InvalidTimeline_ExitTwo_NamingEventAndField_NothingReplayed()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("vigil-scenario-").FullName, "bad.json");
        await File.WriteAllTextAsync(file, """
            {"format": "vigil-timeline/1", "forces": [{"code": "AA", "name": "Force A"}],
             "events": [{"at": "2024-01-02T00:00:00Z", "type": "person", "ref": "V1", "given": "Sian", "family": "Evans"},
                        {"at": "2024-01-03T00:00:00Z", "type": "incident", "ref": "I1", "classification": "Stalking", "parties": [{"person": "V1", "role": "Victim"}]}]}
            """);

        var (exit, output, error) = await RunAsync(file);

        Assert.Equal(2, exit);
        Assert.Contains("event 1 (incident)", error, StringComparison.Ordinal);
        Assert.Contains("classification", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    private static async Task<HashSet<string>> ReplayAsync(string file)
    {
        var (exit, output, error) = await RunAsync(file);
        Assert.True(exit == 0, $"replay of {Path.GetFileName(file)} exited {exit}: {error}");
        using var alerts = JsonDocument.Parse(output);
        return alerts.RootElement.EnumerateArray().Select(a => a.GetProperty("rule").GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string file)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Vigil.dll"), "replay", file, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vigil.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Vigil.slnx not found above the test folder.");
    }
}
