using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Api.Tests.Persistence;

/// <summary>Runs only where a SQL Server is given: CLAIMDESK_TEST_SQLSERVER is a connection string to it.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "CLAIMDESK_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"No SQL Server here: set {Variable} to a connection string to run the live SQL Server tests.";
    }
}

/// <summary>The real API on a fresh SQL Server database, migrated the way production does it (a separate step).</summary>
public sealed class SqlServerDesk : ClaimDeskApiFactory
{
    public string ConnectionString { get; } = new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(SqlServerFactAttribute.Variable) ?? "")
    {
        InitialCatalog = "ClaimDeskTest_" + Guid.NewGuid().ToString("N")[..10],
        TrustServerCertificate = true,
    }.ConnectionString;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("ClaimDesk:Database", "SqlServer"),
        new("ConnectionStrings:ClaimDesk", ConnectionString),
    ];

    public async Task MigrateAsync()
    {
        await using var db = new SqlServerClaimDeskDbContext(new DbContextOptionsBuilder<SqlServerClaimDeskDbContext>().UseSqlServer(ConnectionString).Options);
        await db.Database.MigrateAsync();
    }

    public async Task DropAsync()
    {
        await using var db = new SqlServerClaimDeskDbContext(new DbContextOptionsBuilder<SqlServerClaimDeskDbContext>().UseSqlServer(ConnectionString).Options);
        await db.Database.EnsureDeletedAsync();
    }
}

[Collection(RestartCollection.Name)]
public sealed class SqlServerLiveTests
{
    [SqlServerFact]
    public async Task Register_review_and_race_on_sql_server()
    {
        await using var desk = new SqlServerDesk();
        await desk.MigrateAsync();
        try
        {
            var story = Stories.Unique();
            var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
            var again = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { title = "again", text = story.Article, outlet = "Other" });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
            await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");

            var (_, etag) = await desk.Admin.GetClaimAsync(claim.Id());
            var racers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => desk.Admin.TransitionAsync(claim.Id(), etag, new { to = "inReview" })));
            Assert.Equal(1, racers.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(5, racers.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));

            var list = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?status=inReview&sort=checkWorthiness");
            Assert.Equal(1, list.GetProperty("total").GetInt32());
        }
        finally
        {
            await desk.DropAsync();
        }
    }
}
