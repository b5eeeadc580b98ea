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

var app = builder.Build();
return await VigilCli.RunAsync(app, args);

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
