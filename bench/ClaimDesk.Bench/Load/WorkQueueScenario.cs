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
    internal static async Task SeedAsync(string path, int claims)
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

/// <summary>
/// The reviewer console's work-queue page (<c>GET /console</c>: the queue, counts per status, each claim's evidence summary,
/// rendered to HTML) over 100k claims, against the API's work-queue query (<c>GET /api/v1/claims</c>, JSON) as the
/// baseline in the same run: the same desk process (Release build, embedded default), the same filters, one request at a
/// time over loopback, page and query interleaved so both see the same machine.
/// `dotnet run -c Release --project bench/ClaimDesk.Bench -- work-queue-page [--claims 100000] [--requests 600]`
/// </summary>
public sealed class WorkQueuePageScenario : IBenchScenario
{
    private const string Key = "cdk_benchpage0_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    public string Name => "work-queue-page";
    public string Description => "console work-queue page render p50/p95/p99 over 100k claims, vs the API's work-queue query";

    public async Task RunAsync(string[] args)
    {
        var claims = Arg(args, "--claims", 100_000);
        var requests = Arg(args, "--requests", 600);
        var api = Path.Combine(RepositoryRoot(), "src", "ClaimDesk.Api", "bin", "Release", "net10.0", "ClaimDesk.Api.dll");
        if (!File.Exists(api)) throw new FileNotFoundException("Build the API in Release first: dotnet build -c Release src/ClaimDesk.Api", api);
        var directory = Path.Combine(Path.GetTempPath(), "claimdesk-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "claimdesk.db");
        try
        {
            var seeding = Stopwatch.StartNew();
            await WorkQueueScenario.SeedAsync(database, claims);
            Console.WriteLine($"Seeded {claims:N0} claims in {seeding.Elapsed.TotalSeconds:0.0} s");
            var port = ServerProcess.FreePort();
            await using var desk = await ServerProcess.StartAsync(api, "", port, "/health/ready", new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__ClaimDesk"] = $"Data Source={database}",
                ["CLAIMDESK_BOOTSTRAP_KEY"] = Key,
                ["ClaimDesk__Role"] = "api",
                ["Logging__LogLevel__Default"] = "Warning",
                ["ClaimDesk__RateLimit__PermitsPerMinute"] = "100000000",
                // Each answer says how long the desk itself took (Server-Timing), apart from the client and the loopback.
                ["ClaimDesk__Observability__ServerTiming"] = "true",
            });
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = desk.BaseAddress };
            var session = await SignInAsync(http);

            // The page as it opens (unassigned claims needing review), and the query scenario's three shapes.
            var shapes = new (Func<int, string> Page, Func<int, string> Query)[]
            {
                (_ => "/console", _ => "/api/v1/claims?status=needsReview&unassigned=true&sort=checkWorthiness"),
                (n => $"/console?status=needsReview&assignee=unassigned&p={n}", n => $"/api/v1/claims?status=needsReview&unassigned=true&sort=checkWorthiness&page={n}"),
                (n => $"/console?status=inReview&assignee=reviewer-{n}", n => $"/api/v1/claims?status=inReview&assignee=reviewer-{n}&sort=checkWorthiness"),
                (n => $"/console?status=needsReview&assignee=anyone&kind=editorial&p={n}", n => $"/api/v1/claims?status=needsReview&kind=editorial&sort=checkWorthiness&page={n}"),
            };
            for (var i = 0; i < 60; i++)
            {
                var (page, query) = shapes[i % shapes.Length];
                await TimeAsync(http, page(1 + i % 5), session);
                await TimeAsync(http, query(1 + i % 5), null);
            }
            var pageTimes = new List<double>(requests);
            var queryTimes = new List<double>(requests);
            var pageServer = new List<double>(requests);
            var queryServer = new List<double>(requests);
            var byShape = shapes.Select(_ => (Page: new List<double>(), Query: new List<double>(), PageServer: new List<double>())).ToArray();
            for (var i = 0; i < requests; i++)
            {
                var (page, query) = shapes[i % shapes.Length];
                var n = 1 + i % 20;
                var pageTime = await TimeAsync(http, page(n), session);
                var queryTime = await TimeAsync(http, query(n), null);
                pageTimes.Add(pageTime.Client);
                queryTimes.Add(queryTime.Client);
                pageServer.Add(pageTime.Server);
                queryServer.Add(queryTime.Server);
                byShape[i % shapes.Length].Page.Add(pageTime.Client);
                byShape[i % shapes.Length].Query.Add(queryTime.Client);
                byShape[i % shapes.Length].PageServer.Add(pageTime.Server);
            }
            for (var s = 0; s < shapes.Length; s++)
            {
                Console.WriteLine($"  {shapes[s].Page(1)}");
                Console.WriteLine($"    page : {Percentiles.Summary(byShape[s].Page)} (server: {Percentiles.Summary(byShape[s].PageServer)})");
                Console.WriteLine($"    query: {Percentiles.Summary(byShape[s].Query)}");
            }
            Console.WriteLine("at the client (request sent to answer read):");
            Console.WriteLine($"  console page (HTML, with status counts): {Percentiles.Summary(pageTimes)}");
            Console.WriteLine($"  API work-queue query (JSON), baseline  : {Percentiles.Summary(queryTimes)}");
            Console.WriteLine($"  p95 ratio (page / query): {Percentiles.Of(pageTimes, 95) / Percentiles.Of(queryTimes, 95):0.0}x");
            Console.WriteLine("at the server (Server-Timing: request received to answer started):");
            Console.WriteLine($"  console page (HTML, with status counts): {Percentiles.Summary(pageServer)}");
            Console.WriteLine($"  API work-queue query (JSON), baseline  : {Percentiles.Summary(queryServer)}");
            Console.WriteLine($"  p95 ratio (page / query): {Percentiles.Of(pageServer, 95) / Percentiles.Of(queryServer, 95):0.0}x; goal: page p95 < 50 ms");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Signs in through the console's form, keeping the session cookie (sent by hand: it is Secure, the loopback is not).</summary>
    private static async Task<string> SignInAsync(HttpClient http)
    {
        var form = await http.GetAsync("/console/sign-in");
        var antiforgery = Cookie(form, "claimdesk.antiforgery");
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["ApiKey"] = Key, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", antiforgery);
        var signedIn = await http.SendAsync(request);
        if (signedIn.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {signedIn.StatusCode}");
        return Cookie(signedIn, "claimdesk.session");
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    /// <summary>The request timed at the client, and the server's own time from its Server-Timing header.</summary>
    private static async Task<(double Client, double Server)> TimeAsync(HttpClient http, string path, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (session is null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
        else request.Headers.Add("Cookie", session);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"{path} answered {response.StatusCode}");
        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : throw new InvalidOperationException($"{path} sent no Server-Timing");
        return (elapsed, double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int Arg(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClaimDesk.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ClaimDesk.sln not found above " + AppContext.BaseDirectory);
    }
}
