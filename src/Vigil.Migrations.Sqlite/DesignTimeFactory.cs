using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Vigil.Infrastructure.Data;

namespace Vigil.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseExtensions.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db", Path.GetTempPath());
        return new AppDbContext(options.Options);
    }
}
