using Vigil.Cli;
using Vigil.Infrastructure;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Localisation;
using Vigil.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(VigilCli.HostArguments(args));
builder.AddVigilOptions();
builder.AddVigilDatabase();
builder.AddVigilSecurity();
builder.AddVigilLocalisation();
builder.AddVigilFeatures();
builder.AddVigilWeb();
if (args.Length == 0 || args[0] is "serve" || args[0].StartsWith("--", StringComparison.Ordinal))
{
    // Deadline rules need time to pass with nothing written; only the serving application keeps that clock.
    builder.Services.AddHostedService<Vigil.Features.Alerts.RuleClockService>();
}
if (args.Length > 0 && args[0] == "replay")
{
    // A replay never touches the configured database: it runs on a temporary one with a clock it sets.
    ReplayCommand.Configure(builder);
}
else if (args.Length > 0 && args[0] == "import")
{
    ImportCommand.Configure(builder);
}
else if (args.Length > 1 && args[0] == "bench" && args[1] == "rules")
{
    BenchRules.Configure(builder);
}

var app = builder.Build();
return await VigilCli.RunAsync(app, args);

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
