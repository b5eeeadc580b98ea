namespace Vigil.Cli;

/// <summary>
/// For verbs that must never touch the configured database (replay, bench rules): a new SQLite database in a
/// temporary folder, no demo seeding, and no framework logging to bury the verb's own output.
/// </summary>
internal static class TemporaryDatabase
{
    /// <summary>Returns the folder, for <see cref="Delete"/> when the verb ends.</summary>
    public static string Configure(WebApplicationBuilder builder, string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix).FullName;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Vigil"] = $"Data Source={Path.Combine(directory, "vigil.db")}",
            ["Vigil:DataDirectory"] = directory,
            ["Vigil:SeedDemoDataOnFirstStart"] = "false",
        });
        builder.Logging.ClearProviders();
        return directory;
    }

    public static void Delete(string directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; failing the verb over it would not be.
        }
    }
}
