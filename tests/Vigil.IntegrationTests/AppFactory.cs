using Vigil.Features.Alerts;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Vigil.Features.AccessTokens;
using Vigil.Features.Audit;
using Vigil.Features.Demo;
using Vigil.Infrastructure.Data;

namespace Vigil.IntegrationTests;

/// <summary>
/// Vigil through its real start-up path on a database of its own: in-memory SQLite by default, or a fresh
/// database on the PostgreSQL server named by VIGIL_TEST_POSTGRES when VIGIL_TEST_PROVIDER=Postgres (the test
/// script starts a throwaway cluster). Forces, teams and demo users are seeded; no demo people or incidents, so
/// every test works only with the records it creates. The clock is fake and starts at 2026-03-01 09:00 UTC.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;
    private readonly string? _postgresDatabase;
    private readonly Dictionary<string, string> _tokens = [];

    public AppFactory()
    {
        IsPostgres = string.Equals(Environment.GetEnvironmentVariable("VIGIL_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);
        if (IsPostgres)
        {
            var server = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES")
                ?? throw new InvalidOperationException("VIGIL_TEST_PROVIDER=Postgres needs VIGIL_TEST_POSTGRES (a connection string without a database).");
            _postgresDatabase = "vigil_test_" + Guid.NewGuid().ToString("N");
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            // A named shared in-memory database lives as long as one connection to it is open.
            _connectionString = $"Data Source=vigil_{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
    }

    public bool IsPostgres { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", IsPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Vigil", _connectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Vigil:SeedDemoDataOnFirstStart", "false");
        // Tests drive the rule clock themselves (RuleClockTests); a background one would race them.
        builder.UseSetting("Vigil:RuleClockEnabled", "false");
        builder.UseSetting("Vigil:DataDirectory", Path.GetTempPath());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task InitializeAsync()
    {
        // Creating the server runs the app's start-up, which migrates the database.
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
        await seeder.SeedAsync(seed: 1, humans: 0, incidents: 0, CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(_connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A client authenticated as a demo user (for example "cp.investigator") with a personal access token.</summary>
    public HttpClient ClientFor(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userName));
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public void AdvanceTime(TimeSpan by) => Clock.Advance(by);

    private string TokenFor(string userName)
    {
        lock (_tokens)
        {
            if (_tokens.TryGetValue(userName, out var existing))
            {
                return existing;
            }
            var token = AccessTokenHashing.NewToken();
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.PersonalAccessTokens.Add(new PersonalAccessToken
            {
                UserId = "demo-" + userName,
                Name = "integration tests",
                TokenHash = AccessTokenHashing.Hash(token),
                Prefix = token[..12],
                CreatedAt = Start,
                ExpiresAt = Start.AddYears(5),
            });
            db.SaveChanges();
            _tokens[userName] = token;
            return token;
        }
    }

    public async Task<bool> HasPendingModelChangesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.HasPendingModelChanges();
    }

    public async Task<AuditChainReport> VerifyAuditAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAuditChainHandler>().HandleAsync(CancellationToken.None);
    }

    public async Task<List<AuditEvent>> AuditEventsForAsync(string entityType, long id)
    {
        await using var scope = Services.CreateAsyncScope();
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId).OrderBy(a => a.Sequence).ToListAsync();
    }

    /// <summary>Audit events of one action on one kind of record (searches and exports name no single record).</summary>
    public async Task<List<AuditEvent>> AuditEventsOfAsync(string action, string entityType)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.Action == action && a.EntityType == entityType).OrderBy(a => a.Sequence).ToListAsync();
    }

    /// <summary>A demo user's display name, as alerts and pages show it.</summary>
    public string DisplayNameOf(string userName)
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.DisplayName).First();
    }

    /// <summary>Alerts of one rule whose evidence includes the given incident, with their evidence and history.</summary>
    public async Task<List<Alert>> AlertsForIncidentAsync(string ruleId, long incidentId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Alerts.AsNoTracking()
            .Include(a => a.Evidence).Include(a => a.History).Include(a => a.Force)
            .Where(a => a.RuleId == ruleId && a.Evidence.Any(e => e.Kind == AlertEvidenceKind.Incident && e.EntityId == incidentId))
            .OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>Alters one stored audit event behind the application's back, as an insider with database access might.</summary>
    public async Task TamperWithAuditEventAsync(long sequence, string detail)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Detail\" = {detail} WHERE \"Sequence\" = {sequence}");
    }

    /// <summary>What start-up would say if this database were served in Production.</summary>
    public async Task<string?> ProductionStartRefusalAsync()
    {
        var environment = new ProductionEnvironment();
        var logger = Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("StartupChecks");
        return await Vigil.Cli.StartupChecks.PrepareAsync(Services, environment, logger, CancellationToken.None);
    }

    private sealed class ProductionEnvironment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ApplicationName { get; set; } = "Vigil";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Production";
    }

    public async Task<string?> StoredTokenHashAsync(long tokenId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PersonalAccessTokens.Where(t => t.Id == tokenId).Select(t => t.TokenHash).FirstOrDefaultAsync();
    }
}
