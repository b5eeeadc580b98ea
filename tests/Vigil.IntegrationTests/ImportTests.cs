using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigil.Features.Alerts;
using Vigil.Features.Timeline;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// <c>vigil import</c> run as the real command against a database of the provider under test: a good file is
/// kept and importing it again changes nothing; a file with an event the application refuses writes nothing; and
/// an import killed in the middle of its writes leaves only whole events — no alert for a record that was not
/// written, none lost — and resumes to exactly the result of an uninterrupted import.
/// </summary>
public sealed class ImportTests
{
    private static readonly bool IsPostgres = string.Equals(Environment.GetEnvironmentVariable("VIGIL_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task GoodFile_IsImported_AndImportingItAgainChangesNothing()
    {
        await using var target = new TargetDatabase();
        var file = await WriteTimelineAsync(Timeline(pairs: 2, incidentsPerPair: 3));

        var (exit, output, error) = await RunImportAsync(file, target, waitForExit: true);

        Assert.True(exit == 0, $"import exited {exit}: {error}");
        Assert.Contains("course-of-conduct", output, StringComparison.Ordinal);
        await using (var db = target.Open())
        {
            Assert.Equal(6, await db.Incidents.CountAsync());
            Assert.Equal(1, await db.Cases.CountAsync());
            Assert.Equal(1, await db.Screenings.CountAsync());
            Assert.Equal(1, await db.Advice.CountAsync());
            var import = await db.TimelineImports.Include(i => i.Refs).SingleAsync();
            Assert.NotNull(import.CompletedAt);
            Assert.Equal(JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("events").GetArrayLength(), import.EventsApplied);
            Assert.Contains(import.Refs, r => r.Ref == "I0-0" && r.Kind == TimelineRefKind.Incident);
            // Imported records keep the times of the file, not the time of the import.
            var recorded = await db.Incidents.Select(i => i.RecordedAt).ToListAsync();
            Assert.All(recorded, r => Assert.Equal(2024, r.UtcDateTime.Year));
        }
        var before = await AlertsAsync(target);

        var (again, againOutput, againError) = await RunImportAsync(file, target, waitForExit: true);

        Assert.True(again == 0, againError);
        Assert.Contains("imported before", againOutput, StringComparison.Ordinal);
        await using (var db = target.Open())
        {
            Assert.Equal(6, await db.Incidents.CountAsync());
        }
        Assert.Equal(before, await AlertsAsync(target));
    }

    [Fact]
    public async Task MalformedFile_ExitTwo_WithWhereItBroke_NothingWritten()
    {
        await using var target = new TargetDatabase();
        var file = Path.Combine(Directory.CreateTempSubdirectory("vigil-import-file-").FullName, "broken.json");
        await File.WriteAllTextAsync(file, """
            {"format": "vigil-timeline/1", "forces": [{"code": "AA", "name": "Force A"}],
             "events": [{"at": "2024-01-02T00:00:00Z", "type": "person", "ref": "V1", "given": "Sian", "family": "Evans"},
            """);

        var (exit, output, error) = await RunImportAsync(file, target, waitForExit: true);

        Assert.Equal(2, exit);
        Assert.Contains("Nothing was written", error, StringComparison.Ordinal);
        Assert.Contains("line", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Imported", output, StringComparison.Ordinal);
        Assert.False(await target.ExistsWithDataAsync(), "the configured database must not have been written");
    }

    [Fact]
    public async Task EventTheApplicationRefuses_ExitTwo_NamingEventAndField_NothingWritten()
    {
        await using var target = new TargetDatabase();
        var timeline = Timeline(pairs: 1, incidentsPerPair: 2);
        var events = (List<object>)timeline["events"];
        // The format allows any rationale; the application wants a real "why not stalking" (10+ characters).
        events.Add(new Dictionary<string, object?>
        {
            ["at"] = "2024-06-01T10:00:00Z", ["type"] = "case", ["ref"] = "C-bad", ["incidents"] = new[] { "I0-0" },
            ["offence"] = "Harassment", ["rationale"] = "no",
        });
        var file = await WriteTimelineAsync(timeline);

        var (exit, _, error) = await RunImportAsync(file, target, waitForExit: true);

        Assert.Equal(2, exit);
        Assert.Contains($"event {events.Count - 1} (case)", error, StringComparison.Ordinal);
        Assert.Contains("rationale", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", error, StringComparison.Ordinal);
        Assert.False(await target.ExistsWithDataAsync(), "the configured database must not have been written");
    }

    [Fact]
    public async Task ImportKilledMidWrite_LeavesWholeEventsOnly_AndResumesToTheUninterruptedResult()
    {
        var file = await WriteTimelineAsync(Timeline(pairs: 6, incidentsPerPair: 12));
        var events = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("events").EnumerateArray().ToList();
        await using var clean = new TargetDatabase();
        var (cleanExit, _, cleanError) = await RunImportAsync(file, clean, waitForExit: true);
        Assert.True(cleanExit == 0, cleanError);
        var expected = await AlertsAsync(clean);
        Assert.NotEmpty(expected);

        await using var killed = new TargetDatabase();
        var (_, killedOutput, killedError) = await RunImportAsync(file, killed, waitForExit: false, killAfterEvents: events.Count / 2);

        await using (var db = killed.Open())
        {
            var import = await db.TimelineImports.SingleOrDefaultAsync();
            Assert.True(import is not null, $"the import did not start: {killedOutput} {killedError}");
            Assert.True(import.EventsApplied < events.Count, "the import was killed before it finished");
            Assert.Null(import.CompletedAt);
            // Whole events only: exactly the incidents of the events the import says committed, and every alert
            // rests on records that exist.
            var incidentEvents = events.Take(import.EventsApplied).Count(e => e.GetProperty("type").GetString() == "incident");
            Assert.Equal(incidentEvents, await db.Incidents.CountAsync());
            var incidentIds = await db.Incidents.Select(i => i.Id).ToListAsync();
            var evidence = await db.AlertEvidence.Where(e => e.Kind == AlertEvidenceKind.Incident).Select(e => e.EntityId).ToListAsync();
            Assert.All(evidence, id => Assert.Contains(id, incidentIds));
            var orphans = await db.Alerts.CountAsync(a => !db.AlertEvidence.Any(e => e.AlertId == a.Id));
            Assert.Equal(0, orphans);
        }

        var (resumed, resumedOutput, resumedError) = await RunImportAsync(file, killed, waitForExit: true);

        Assert.True(resumed == 0, resumedError);
        Assert.Contains("Resuming an interrupted import", resumedOutput, StringComparison.Ordinal);
        await using (var db = killed.Open())
        {
            Assert.Equal(events.Count(e => e.GetProperty("type").GetString() == "incident"), await db.Incidents.CountAsync());
        }
        Assert.Equal(expected, await AlertsAsync(killed));
    }

    /// <summary>
    /// Alerts as comparable lines: rule, force, severity, state, times, history and the timeline refs of the
    /// records they rest on (ids may differ between databases; refs do not).
    /// </summary>
    private static async Task<List<string>> AlertsAsync(TargetDatabase target)
    {
        await using var db = target.Open();
        var refs = await db.TimelineImportRefs.ToDictionaryAsync(r => (r.Kind.ToString(), r.EntityId), r => r.Ref);
        var alerts = await db.Alerts.AsNoTracking().Include(a => a.Evidence).Include(a => a.History).Include(a => a.Force).ToListAsync();
        string Ref(AlertEvidence e) => e.Kind switch
        {
            AlertEvidenceKind.Incident => refs.GetValueOrDefault(("Incident", e.EntityId), "?"),
            AlertEvidenceKind.PersonRecord => refs.GetValueOrDefault(("Person", e.EntityId), "?"),
            AlertEvidenceKind.Case => refs.GetValueOrDefault(("Case", e.EntityId), "?"),
            _ => e.Kind.ToString(),
        };
        return alerts.Select(a => string.Join(" | ",
                a.RuleId, a.Force!.Code, a.Severity, a.State,
                a.RaisedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), a.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                string.Join(",", a.History.OrderBy(h => h.At).ThenBy(h => h.Change).Select(h => h.Change)),
                string.Join(",", a.Evidence.Select(Ref).Order(StringComparer.Ordinal))))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Victim–suspect pairs in two forces, each pair a course of conduct of several incidents (so alerts are raised
    /// and then updated), with a case, a screening and advice along the way.
    /// </summary>
    private static Dictionary<string, object> Timeline(int pairs, int incidentsPerPair)
    {
        string[] victims = ["Carys", "Ffion", "Bethan", "Nia", "Elin", "Lowri", "Mali", "Seren"];
        string[] suspects = ["Gethin", "Iwan", "Rhodri", "Dafydd", "Emyr", "Huw", "Aled", "Tomos"];
        string[] families = ["Pryce", "Llewellyn", "Vaughan", "Meredith", "Gwynne", "Howells", "Bowen", "Prosser", "Tudor", "Rees", "Wynne", "Parry", "Bevan", "Lloyd", "Cadwalader", "Jenkins"];
        var events = new List<object>();
        var at = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string Next() => (at = at.AddHours(7)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        events.Add(new Dictionary<string, object?> { ["at"] = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), ["type"] = "clock" });
        for (var p = 0; p < pairs; p++)
        {
            events.Add(new Dictionary<string, object?> { ["at"] = Next(), ["type"] = "person", ["ref"] = $"V{p}", ["given"] = victims[p], ["family"] = families[2 * p], ["dob"] = $"19{80 + p}-0{1 + p % 9}-1{p % 9}", ["sex"] = "F" });
            events.Add(new Dictionary<string, object?> { ["at"] = Next(), ["type"] = "person", ["ref"] = $"S{p}", ["given"] = suspects[p], ["family"] = families[2 * p + 1], ["dob"] = $"19{60 + p}-1{p % 3}-2{p % 9}", ["sex"] = "M" });
        }
        for (var i = 0; i < incidentsPerPair; i++)
        {
            for (var p = 0; p < pairs; p++)
            {
                events.Add(new Dictionary<string, object?>
                {
                    ["at"] = Next(), ["type"] = "incident", ["ref"] = $"I{p}-{i}", ["force"] = (p + i) % 3 == 0 ? "BB" : "AA",
                    ["classification"] = i % 2 == 0 ? "Harassment" : "MaliciousCommunications", ["recordedAsCrime"] = true,
                    ["narrative"] = "Messages and waiting outside her house.", ["behaviours"] = new[] { "UnwantedContact", "TurningUpAtHome" },
                    ["parties"] = new[] { new { person = $"V{p}", role = "Victim" }, new { person = $"S{p}", role = "Suspect" } },
                    ["relationship"] = "ExPartner",
                });
                if (p == 0 && i == 1)
                {
                    events.Add(new Dictionary<string, object?> { ["at"] = Next(), ["type"] = "case", ["ref"] = "C0", ["incidents"] = new[] { "I0-1" }, ["offence"] = "StalkingS2A", ["rationale"] = "Course of conduct of contact and visits." });
                    events.Add(new Dictionary<string, object?> { ["at"] = Next(), ["type"] = "screening", ["case"] = "C0", ["fixated"] = true, ["obsessive"] = true, ["unwanted"] = true, ["repeated"] = true });
                    events.Add(new Dictionary<string, object?> { ["at"] = Next(), ["type"] = "advice", ["victim"] = "V0", ["by"] = "PC 1101", ["text"] = "Keep a diary of every contact and keep the messages." });
                }
            }
        }
        return new Dictionary<string, object>
        {
            ["format"] = "vigil-timeline/1",
            ["title"] = "Import test",
            ["forces"] = new[] { new { code = "AA", name = "Force A" }, new { code = "BB", name = "Force B" } },
            ["events"] = events,
        };
    }

    private static async Task<string> WriteTimelineAsync(Dictionary<string, object> timeline)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("vigil-import-file-").FullName, "timeline.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(timeline));
        return file;
    }

    /// <summary>Runs <c>vigil import</c>; with <paramref name="killAfterEvents"/>, kills it once that many events committed.</summary>
    private static async Task<(int Exit, string Output, string Error)> RunImportAsync(string file, TargetDatabase target, bool waitForExit, int killAfterEvents = 0)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Vigil.dll"), "import", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        start.Environment["Database__Provider"] = target.Provider.ToString();
        start.Environment["ConnectionStrings__Vigil"] = target.ConnectionString;
        start.Environment["Vigil__DataDirectory"] = target.Directory;
        start.Environment["Vigil__SeedDemoDataOnFirstStart"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!waitForExit)
        {
            // Kill without warning (SIGKILL) as soon as enough events have committed: the process is then in the
            // middle of the next event's transaction, or between two.
            var deadline = Stopwatch.StartNew();
            while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(3))
            {
                if (await target.EventsAppliedAsync() >= killAfterEvents)
                {
                    process.Kill(entireProcessTree: true);
                    break;
                }
                await Task.Delay(25);
            }
            Assert.False(process.HasExited && process.ExitCode == 0 && await target.EventsAppliedAsync() == 0, "the import ended before it could be killed");
        }
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A fresh database of the provider under test, dropped afterwards.</summary>
    private sealed class TargetDatabase : IAsyncDisposable
    {
        private readonly string? _postgresDatabase;

        public TargetDatabase()
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("vigil-import-db-").FullName;
            if (IsPostgres)
            {
                var server = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES")
                    ?? throw new InvalidOperationException("VIGIL_TEST_PROVIDER=Postgres needs VIGIL_TEST_POSTGRES.");
                _postgresDatabase = "vigil_import_" + Guid.NewGuid().ToString("N");
                ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
                Provider = DatabaseProvider.Postgres;
            }
            else
            {
                ConnectionString = $"Data Source={Path.Combine(Directory, "vigil.db")}";
                Provider = DatabaseProvider.Sqlite;
            }
        }

        public string Directory { get; }
        public string ConnectionString { get; }
        public DatabaseProvider Provider { get; }

        public AppDbContext Open()
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseExtensions.Configure(options, Provider, ConnectionString, Directory);
            return new AppDbContext(options.Options);
        }

        /// <summary>
        /// How many events the import has committed, read without disturbing it: on SQLite only once the importer
        /// has created the file, through a read-only, unpooled connection (a probe that created the file itself
        /// would leave the importer unable to write it).
        /// </summary>
        public async Task<int> EventsAppliedAsync()
        {
            try
            {
                if (Provider == DatabaseProvider.Sqlite)
                {
                    var path = Path.Combine(Directory, "vigil.db");
                    if (!File.Exists(path))
                    {
                        return 0;
                    }
                    await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
                    await sqlite.OpenAsync();
                    await using var command = sqlite.CreateCommand();
                    command.CommandText = "SELECT EventsApplied FROM TimelineImports LIMIT 1";
                    return Convert.ToInt32(await command.ExecuteScalarAsync() ?? 0, CultureInfo.InvariantCulture);
                }
                await using var db = Open();
                return await db.TimelineImports.Select(i => (int?)i.EventsApplied).FirstOrDefaultAsync() ?? 0;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or NpgsqlException or InvalidOperationException)
            {
                // Not created or not migrated yet.
                return 0;
            }
        }

        /// <summary>Whether anything of the import reached the database (it may exist, migrated, but empty).</summary>
        public async Task<bool> ExistsWithDataAsync()
        {
            try
            {
                await using var db = Open();
                return await db.Forces.AnyAsync() || await db.PersonRecords.AnyAsync() || await db.Incidents.AnyAsync();
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or NpgsqlException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (_postgresDatabase is not null)
            {
                var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
