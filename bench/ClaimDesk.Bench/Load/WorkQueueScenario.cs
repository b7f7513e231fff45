using System.Diagnostics;
using ClaimDesk.Bench.Support;
using ClaimDesk.Core;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimDesk.Bench.Load;

/// <summary>
/// The desk's work queue (status + unassigned/assignee filter, most check-worthy first, a page of 25 with the total)
/// over 100k claims on the embedded default, through the real ListClaims handler and its Mediator pipeline.
/// Baseline in the same run: the same queries on a copy of the database without the work-queue index.
/// `dotnet run -c Release --project bench/ClaimDesk.Bench -- work-queue [--claims 100000] [--queries 500]`
/// </summary>
public sealed class WorkQueueScenario : IBenchScenario
{
    public string Name => "work-queue";
    public string Description => "work-queue query p50/p95/p99 over 100k claims, with vs without its index";

    public async Task RunAsync(string[] args)
    {
        var claims = Arg(args, "--claims", 100_000);
        var queries = Arg(args, "--queries", 500);
        var directory = Path.Combine(Path.GetTempPath(), "claimdesk-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var indexed = Path.Combine(directory, "indexed.db");
        var bare = Path.Combine(directory, "without-index.db");
        try
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(indexed, claims);
            File.Copy(indexed, bare);
            await using (var connection = new SqliteConnection($"Data Source={bare}"))
            {
                await connection.OpenAsync();
                await using var drop = connection.CreateCommand();
                drop.CommandText = "DROP INDEX IX_Claims_Status_Assignee_CheckWorthiness_Id; DROP INDEX IX_Claims_Assignee_Status; DROP INDEX IX_Claims_Kind_Status; ANALYZE;";
                await drop.ExecuteNonQueryAsync();
            }
            Console.WriteLine($"Seeded {claims:N0} claims in {seeding.Elapsed.TotalSeconds:0.0} s");

            var withIndex = await MeasureAsync(indexed, queries);
            var withoutIndex = await MeasureAsync(bare, queries);
            Console.WriteLine($"work queue, with its index   : {Percentiles.Summary(withIndex)}");
            Console.WriteLine($"work queue, without the index: {Percentiles.Summary(withoutIndex)}");
            withIndex.Sort(); withoutIndex.Sort();
            Console.WriteLine($"p95 ratio (without / with): {Percentiles.Of(withoutIndex, 95) / Percentiles.Of(withIndex, 95):0.0}x");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int Arg(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();

    private static ServiceProvider Services(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ClaimDesk"] = $"Data Source={path}",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddClaimDeskCore(configuration);
        services.AddScoped<ICurrentActor>(_ => SystemActor.Instance);
        // Queries queue no jobs; the outbox interceptor still needs a scheduler to exist.
        services.AddScoped<Core.Jobs.IJobScheduler, NoJobs>();
        return services.BuildServiceProvider();
    }

    private static async Task<List<double>> MeasureAsync(string path, int queries)
    {
        await using var provider = Services(path);
        var shapes = new Func<int, ListClaims>[]
        {
            page => new ListClaims(Status: [ClaimStatus.NeedsReview], Unassigned: true, Sort: ClaimSort.CheckWorthiness, Page: page),
            page => new ListClaims(Status: [ClaimStatus.InReview], Assignee: $"reviewer-{page % 20}", Sort: ClaimSort.CheckWorthiness),
            page => new ListClaims(Status: [ClaimStatus.NeedsReview], Kind: [Analysis.ClaimKind.Editorial], Sort: ClaimSort.CheckWorthiness, Page: page),
        };
        // Warm up the connection pool, the query cache and SQLite's page cache.
        for (var i = 0; i < 30; i++) await SendAsync(provider, shapes[i % shapes.Length](1 + i % 5));
        var timings = new List<double>(queries);
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await SendAsync(provider, shapes[i % shapes.Length](1 + i % 20));
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return timings;
    }

    private sealed class NoJobs : Core.Jobs.IJobScheduler
    {
        public void IndexArticle(long articleId) { }
        public void GatherCorroboration(long claimId) { }
        public void GatherCorroboration(IReadOnlyList<long> claimIds) { }
        public void SuggestClaims(long articleId) { }
        public void MatchArticle(long articleId) { }
        public void FetchArticle(long articleId) { }
        public void PollFeed(long feedId) { }
        public void DeliverWebhook(long deliveryId, TimeSpan delay) { }
        public void ProcessImport(long importId) { }
    }

    private static async Task SendAsync(IServiceProvider provider, ListClaims query)
    {
        await using var scope = provider.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
        if (page.Total < 0) throw new InvalidOperationException();
    }

    /// <summary>100k claims over 5k articles: a realistic mix of statuses, 20 reviewers, three kinds.</summary>
    private static async Task SeedAsync(string path, int claims)
    {
        await using (var provider = Services(path))
        await using (var scope = provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ClaimDeskDbContext>().Database.MigrateAsync();

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss");
        await Exec(connection, $"INSERT INTO Outlets (Name, NormalizedName, CreatedAt) VALUES ('Bench Outlet', 'BENCH OUTLET', '{now}')");
        var articles = Math.Max(1, claims / 20);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO Articles (OutletId, Title, Language, Text, ContentHash, State, CreatedAt) VALUES (1, 't', 'en', $text, $hash, 'Indexed', $now)";
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            var hash = insert.Parameters.Add("$hash", SqliteType.Text);
            insert.Parameters.AddWithValue("$now", now);
            for (var i = 0; i < articles; i++)
            {
                text.Value = $"Article {i} text.";
                hash.Value = i.ToString("x64");
                await insert.ExecuteNonQueryAsync();
            }
        }
        var statuses = new[] { "NeedsReview", "NeedsReview", "NeedsReview", "InReview", "Verified", "Disputed", "Editorializing", "Unverifiable", "Duplicate", "Registered" };
        var kinds = new[] { "Factual", "Factual", "Attributed", "Editorial" };
        var random = new Random(42);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO Claims (ArticleId, Text, Kind, CheckWorthiness, Status, Assignee, HasNewEvidence, CreatedAt, UpdatedAt, CreatedBy, Version) " +
                                 "VALUES ($article, $text, $kind, $score, $status, $assignee, 0, $now, $now, 'bench', 1)";
            var article = insert.Parameters.Add("$article", SqliteType.Integer);
            var claimText = insert.Parameters.Add("$text", SqliteType.Text);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var score = insert.Parameters.Add("$score", SqliteType.Real);
            var status = insert.Parameters.Add("$status", SqliteType.Text);
            var assignee = insert.Parameters.Add("$assignee", SqliteType.Text);
            insert.Parameters.AddWithValue("$now", now);
            for (var i = 0; i < claims; i++)
            {
                article.Value = 1 + i % articles;
                claimText.Value = $"Claim number {i} about the harbour budget and the ferry timetable.";
                kind.Value = kinds[random.Next(kinds.Length)];
                score.Value = Math.Round(random.NextDouble(), 4);
                var s = statuses[random.Next(statuses.Length)];
                status.Value = s;
                assignee.Value = s == "NeedsReview" && random.Next(3) > 0 ? DBNull.Value : $"reviewer-{random.Next(20)}";
                await insert.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
        await Exec(connection, "ANALYZE");
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
