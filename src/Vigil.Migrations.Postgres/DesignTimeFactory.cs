using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Vigil.Infrastructure.Data;

namespace Vigil.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server: no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseExtensions.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=vigil_design", Path.GetTempPath());
        return new AppDbContext(options.Options);
    }
}
