using System.ComponentModel.DataAnnotations;

namespace Vigil.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from <c>Database</c>; the connection string comes from <c>ConnectionStrings:Vigil</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. On in Development; production runs <c>vigil migrate</c> first.</summary>
    public bool MigrateOnStart { get; set; }
}
