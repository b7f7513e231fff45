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
        configuredKey = string.IsNullOrWhiteSpace(configuredKey) ? null : configuredKey;
        if (configuredKey is not null && await db.ApiKeys.AnyAsync() && !await IsActiveKeyAsync(db, configuredKey))
        {
            // The usual first-run trap: the desk was started once without the variable, so the database already has
            // its generated admin key, and the variable set afterwards would otherwise be ignored without a word.
            app.Logger.LogWarning("{Variable} is set, but the database already has API keys and the value is not one of them: it is ignored " +
                                  "(it only creates the first admin key of an empty database). {Reset}",
                ApiKeyBootstrap.EnvironmentVariable, ResetAdvice(db));
        }
        var generated = await ApiKeyBootstrap.EnsureAdminKeyAsync(db, configuredKey, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        if (generated is not null)
        {
            // Printed once to the console, on purpose not through the logger: log sinks keep what they are given.
            Console.WriteLine();
            Console.WriteLine("  ClaimDesk created an admin API key (shown only this once):");
            Console.WriteLine($"  {generated}");
            Console.WriteLine($"  Use it as 'Authorization: Bearer <key>'. To choose the key yourself, set {ApiKeyBootstrap.EnvironmentVariable} before the first start.");
            Console.WriteLine($"  {ResetAdvice(db)}");
            Console.WriteLine();
        }
    }

    private static async Task<bool> IsActiveKeyAsync(ClaimDeskDbContext db, string plaintext)
    {
        var prefix = ApiKeySecrets.LookupPrefix(plaintext);
        var hashes = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix && k.RevokedAt == null).Select(k => k.SecretHash).ToListAsync();
        return hashes.Any(h => ApiKeySecrets.Matches(plaintext, h));
    }

    /// <summary>How to get back to an empty database, where the bootstrap key applies again.</summary>
    internal static string ResetAdvice(ClaimDeskDbContext db)
    {
        if (!db.Database.IsSqlite())
            return "Further keys are issued with POST /api/v1/api-keys; to start over, drop and re-create the database.";
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return $"To start over with an empty database (and a new admin key), stop the desk and delete {Path.GetFullPath(file)} " +
               "(with its -wal and -shm files), or point ConnectionStrings__ClaimDesk at a new file.";
    }
}
