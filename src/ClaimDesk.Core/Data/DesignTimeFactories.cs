using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClaimDesk.Core.Data;

// Used by `dotnet ef migrations add` only: each provider's migrations are generated from its own context.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClaimDeskDbContext>
{
    public SqliteClaimDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClaimDeskDbContext>()
            .UseSqlite(DatabaseDefaults.SqliteConnectionString).Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerClaimDeskDbContext>
{
    public SqlServerClaimDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerClaimDeskDbContext>()
            .UseSqlServer("Server=localhost;Database=ClaimDesk;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
