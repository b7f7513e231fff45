using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimDesk.Api.Tests.Persistence;

/// <summary>
/// What can be proved about both providers without a server: the model matches the migrations, every migration
/// exists for both, the SQL Server script generates with the indexes the hot paths need, and those queries translate.
/// </summary>
public sealed class ProviderModelTests
{
    private static SqliteClaimDeskDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteClaimDeskDbContext>().UseSqlite("Data Source=:memory:").Options);

    // No connection is opened: building the model, the script and SQL text needs none.
    private static SqlServerClaimDeskDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerClaimDeskDbContext>()
            .UseSqlServer("Server=unreachable.invalid;Database=ClaimDesk;User Id=x;Password=y;TrustServerCertificate=True").Options);

    [Fact]
    public void The_sqlite_model_has_no_pending_changes()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqliteClaimDeskDbContext.");
    }

    [Fact]
    public void The_sql_server_model_has_no_pending_changes()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqlServerClaimDeskDbContext.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]); // drop the timestamp
        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void The_sql_server_script_generates_with_the_hot_path_indexes()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [Claims]", script);
        Assert.Contains("CREATE INDEX [IX_Claims_Status_Assignee_CheckWorthiness_Id] ON [Claims] ([Status], [Assignee], [CheckWorthiness], [Id])", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Articles_ContentHash] ON [Articles] ([ContentHash]) WHERE [ContentHash] IS NOT NULL", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Evidence_ClaimId_ArticleId] ON [Evidence] ([ClaimId], [ArticleId]) WHERE [ArticleId] IS NOT NULL", script);
        Assert.Contains("[Version] int NOT NULL", script);
    }

    [Fact]
    public void The_work_queue_query_translates_to_sql_on_sql_server()
    {
        using var db = SqlServer();
        var query = ListClaimsHandler.BuildQuery(db, new ListClaims(Status: [ClaimStatus.NeedsReview], Unassigned: true, Sort: ClaimSort.CheckWorthiness));

        var sql = query.ToQueryString();

        Assert.Contains("WHERE [c].[Status] = @status AND [c].[Assignee] IS NULL", sql);
        Assert.Contains("@status nvarchar(32) = N'NeedsReview'", sql);
        Assert.Contains("ORDER BY [c].[CheckWorthiness] DESC, [c].[Id]", sql);
        Assert.Contains("OFFSET", sql);
    }

    [Fact]
    public void The_registration_writers_inserts_return_the_new_key_in_each_providers_dialect()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();
        var columns = sqlServer.Model.FindEntityType(typeof(Claim))!.GetProperties().Count() - 1; // all but the key

        var onSqlServer = new RowInserter<Claim>(sqlServer).Sql;
        Assert.StartsWith("INSERT INTO [Claims] ([ArticleId], ", onSqlServer);
        Assert.Contains(") OUTPUT INSERTED.[Id] VALUES (@p0, ", onSqlServer);
        Assert.DoesNotContain("[Id],", onSqlServer);
        Assert.Contains("[Version]", onSqlServer);
        Assert.Contains($"@p{columns - 1})", onSqlServer);

        var onSqlite = new RowInserter<ClaimEvent>(sqlite).Sql;
        Assert.StartsWith("INSERT INTO \"ClaimEvents\" (", onSqlite);
        Assert.EndsWith(" RETURNING \"Id\";", onSqlite);
    }
}
