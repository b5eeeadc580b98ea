using System.Reflection;
using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Vigil.Infrastructure.Data;

public static class DatabaseExtensions
{
    public const string SqliteMigrationsAssembly = "Vigil.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Vigil.Migrations.Postgres";

    public static WebApplicationBuilder AddVigilDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AuditChainInterceptor>();
        builder.Services.AddSingleton<SqlitePragmaInterceptor>();
        builder.Services.AddDbContext<AppDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var vigil = services.GetRequiredService<IOptions<VigilOptions>>().Value;
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("Vigil");
            Configure(options, database.Provider, connectionString, vigil.DataDirectory);
            options.AddInterceptors(services.GetRequiredService<AuditChainInterceptor>());
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                options.AddInterceptors(services.GetRequiredService<SqlitePragmaInterceptor>());
            }
        });
        return builder;
    }

    /// <summary>Shared by the app and the design-time factories so both see the same model.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString, string dataDirectory)
    {
        EnsureMigrationAssembliesResolvable();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    Directory.CreateDirectory(dataDirectory);
                    connectionString = $"Data Source={Path.Combine(dataDirectory, "vigil.db")}";
                }
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Vigil is empty. Set ConnectionStrings__Vigil.");
                }
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }
    }

    private static int _resolverInstalled;

    /// <summary>
    /// The migration projects reference this one (they need the DbContext), so this project cannot reference
    /// them back. Their builds copy the assemblies next to Vigil.dll; this resolver loads them from there.
    /// </summary>
    private static void EnsureMigrationAssembliesResolvable()
    {
        if (Interlocked.Exchange(ref _resolverInstalled, 1) == 1)
        {
            return;
        }
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not (SqliteMigrationsAssembly or PostgresMigrationsAssembly))
            {
                return null;
            }
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }

    internal static Assembly? TryLoadMigrations(DatabaseProvider provider)
    {
        EnsureMigrationAssembliesResolvable();
        try
        {
            return Assembly.Load(provider == DatabaseProvider.Sqlite ? SqliteMigrationsAssembly : PostgresMigrationsAssembly);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
