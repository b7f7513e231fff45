using ClaimDesk.Core.Data;
using ClaimDesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Api.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>
    /// Embedded default: the SQLite file is created and migrated at start-up. On SQL Server migrations are a separate
    /// one-shot step (<c>--migrate</c>) so that replicas do not race each other.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app, bool migrate)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimDeskDbContext>();
        if (migrate) await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync();
            SqliteConnections.EnableWriteAheadLog(db.Database.GetDbConnection());
            await db.Database.CloseConnectionAsync();
        }

        var configuredKey = app.Configuration[ApiKeyBootstrap.EnvironmentVariable];
        var generated = await ApiKeyBootstrap.EnsureAdminKeyAsync(db, string.IsNullOrWhiteSpace(configuredKey) ? null : configuredKey,
            scope.ServiceProvider.GetRequiredService<TimeProvider>());
        if (generated is not null)
        {
            // Printed once to the console, on purpose not through the logger: log sinks keep what they are given.
            Console.WriteLine();
            Console.WriteLine("  ClaimDesk created an admin API key (shown only this once):");
            Console.WriteLine($"  {generated}");
            Console.WriteLine();
        }
    }
}
