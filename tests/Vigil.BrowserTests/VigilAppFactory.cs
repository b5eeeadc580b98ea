using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.BrowserTests;

/// <summary>
/// The real app on Kestrel (not the in-memory test server), so a real browser can reach it. It runs the
/// <c>serve</c> path end to end: migrations, demo data and the full middleware pipeline, against a SQLite
/// file of its own that is deleted afterwards.
/// </summary>
public sealed class VigilAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vigil-browser-" + Guid.NewGuid().ToString("N"));

    public VigilAppFactory()
    {
        Directory.CreateDirectory(_directory);
        // Port 0: the operating system picks a free port, so parallel runs never collide.
        UseKestrel(0);
    }

    /// <summary>Where the browser reaches the app, for example http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel reported no http address: " + string.Join(", ", addresses));
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("ConnectionStrings:Vigil", $"Data Source={Path.Combine(_directory, "vigil.db")}");
        builder.UseSetting("Vigil:DataDirectory", _directory);
        builder.UseSetting("Vigil:SeedDemoDataOnFirstStart", "true");
        builder.UseSetting("Vigil:DemoSeed", "1");
        // appsettings.json names a fixed development port; the factory's Kestrel chooses its own.
        builder.UseSetting("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the temp cleaner rather than failing the run.
            }
        }
    }
}
