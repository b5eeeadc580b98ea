using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Features.Demo;
using Vigil.Features.People;
using Vigil.Infrastructure;
using Vigil.Infrastructure.Data;

namespace Vigil.Cli;

/// <summary>What <c>serve</c> does before it accepts requests.</summary>
internal static class StartupChecks
{
    /// <summary>Returns a reason to refuse to start, or null.</summary>
    public static async Task<string?> PrepareAsync(IServiceProvider services, IWebHostEnvironment environment, ILogger logger, CancellationToken cancellationToken)
    {
        var vigil = services.GetRequiredService<IOptions<VigilOptions>>().Value;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (environment.IsProduction() && vigil.SeedDemoDataOnFirstStart)
        {
            return "Refusing to start: Vigil:SeedDemoDataOnFirstStart is on in Production. Demo accounts share a published password.";
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (database.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return "Refusing to start: the database has pending migrations. Run 'vigil migrate' first.";
        }
        if (environment.IsProduction() && await db.Users.AnyAsync(u => u.IsDemo, cancellationToken))
        {
            return "Refusing to start: demo accounts with the published demo password exist. Remove them before running in Production.";
        }
        if (vigil.SeedDemoDataOnFirstStart)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
            await seeder.SeedAsync(vigil.DemoSeed, DemoDataSeeder.DefaultHumans, DemoDataSeeder.DefaultIncidents, cancellationToken);
        }
        // Resolve any record not yet attached to an identity (and warm the index) before the first request.
        var resolution = scope.ServiceProvider.GetRequiredService<PersonResolution>();
        await db.RunAsync<bool>(async ct =>
        {
            await resolution.ResolvePendingAsync("start-up", ct);
            return true;
        }, cancellationToken);
        StartupLog.Prepared(logger, database.Provider, environment.EnvironmentName);
        return null;
    }
}

internal static partial class StartupLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Database ready ({Provider}) in {Environment}")]
    public static partial void Prepared(ILogger logger, DatabaseProvider provider, string environment);
}
