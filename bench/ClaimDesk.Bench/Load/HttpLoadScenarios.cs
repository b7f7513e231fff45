using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Bench.Support;

namespace ClaimDesk.Bench.Load;

/// <summary>
/// HTTP load runs against the real service on the embedded default (the Release build of ClaimDesk.Api in its own
/// process, SQLite in a temp folder), each beside the bare minimal-API baseline run the same way in the same run.
/// Loopback only, bounded in time.
/// </summary>
public abstract class HttpLoadScenario : IBenchScenario
{
    protected const string Key = "cdk_benchkey00_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    public abstract string Name { get; }
    public abstract string Description { get; }

    protected static int Arg(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();

    public async Task RunAsync(string[] args)
    {
        Configure(args);
        var clients = Arg(args, "--clients", 16);
        var seconds = Arg(args, "--seconds", 20);
        var warmup = Arg(args, "--warmup", 20);
        // Rounds of desk-then-baseline: on a 2-core machine the baseline alone varies by ±10 % between runs, so one
        // ratio says little; the median of the rounds' ratios is the figure.
        var rounds = Arg(args, "--rounds", 3);
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"-- round {round} of {rounds}");
            ratios.Add(await RunRoundAsync(clients, seconds, warmup));
        }
        ratios.Sort();
        Console.WriteLine($"Rounds: {string.Join(", ", ratios.Select(r => r.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)))}; " +
                          $"median {ratios[ratios.Count / 2].ToString("P0", System.Globalization.CultureInfo.InvariantCulture)} of the baseline's throughput.");
    }

    private async Task<double> RunRoundAsync(int clients, int seconds, int warmup)
    {
        var directory = Path.Combine(Path.GetTempPath(), "claimdesk-load-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            var api = Path.Combine(RepositoryRoot(), "src", "ClaimDesk.Api", "bin", "Release", "net10.0", "ClaimDesk.Api.dll");
            if (!File.Exists(api)) throw new FileNotFoundException("Build the API in Release first: dotnet build -c Release src/ClaimDesk.Api", api);
            var port = ServerProcess.FreePort();
            await using (var desk = await ServerProcess.StartAsync(api, "", port, "/health/ready", new Dictionary<string, string>
                         {
                             ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                             ["ASPNETCORE_ENVIRONMENT"] = "Production",
                             ["ConnectionStrings__ClaimDesk"] = $"Data Source={Path.Combine(directory, "claimdesk.db")}",
                             ["CLAIMDESK_BOOTSTRAP_KEY"] = Key,
                             ["ClaimDesk__Role"] = DeskRole,
                             ["Logging__LogLevel__Default"] = "Warning",
                             // One key drives the whole load: lift its rate limit, or the run measures 429s.
                             ["ClaimDesk__RateLimit__PermitsPerMinute"] = "100000000",
                         }))
            {
                using var http = Client(desk.BaseAddress, Key);
                await PrepareAsync(http);
                // Warm-up, not measured: tiered JIT (with dynamic PGO) was still recompiling hot methods 15-18 s into a
                // run on the 2-core machine (perf showed tier-0 frames), so 20 s; the baseline gets the same.
                await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(warmup), i => DeskRequestAsync(http, -i));
                await Task.Delay(1000);
                var atRest = desk.ResidentMiB();
                var peak = 0.0;
                using var sampler = new Timer(_ => peak = Math.Max(peak, desk.ResidentMiB()), null, 0, 250);
                var results = await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(seconds), i => DeskRequestAsync(http, i));
                Report($"ClaimDesk ({DeskRole} role, {clients} clients, {seconds} s)", results);
                Console.WriteLine($"  memory: {atRest:0} MiB at rest, {peak:0} MiB peak under load (VmRSS)");
                DeskResults = results;
            }

            var baselinePort = ServerProcess.FreePort();
            var self = typeof(HttpLoadScenario).Assembly.Location;
            await using (var baseline = await ServerProcess.StartAsync(self, $"baseline-server --port {baselinePort} --db \"{Path.Combine(directory, "baseline.db")}\"",
                             baselinePort, "/health", new Dictionary<string, string>()))
            {
                using var http = Client(baseline.BaseAddress, null);
                await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(warmup), i => BaselineRequestAsync(http, -i));
                var results = await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(seconds), i => BaselineRequestAsync(http, i));
                Report($"Baseline: bare minimal API + raw SQLite ({clients} clients, {seconds} s)", results);
                Console.WriteLine($"  memory: {baseline.ResidentMiB():0} MiB after the run (VmRSS)");
                Compare(DeskResults!, results);
                return DeskResults!.Sum(r => r.PerSecond) / results.Sum(r => r.PerSecond);
            }
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    protected IReadOnlyList<LoadRunner.Result>? DeskResults { get; private set; }

    protected virtual string DeskRole => "all";

    /// <summary>Options of one scenario, read before the first round.</summary>
    protected virtual void Configure(string[] args) { }

    protected abstract Task PrepareAsync(HttpClient http);
    protected abstract Task<(string, bool)> DeskRequestAsync(HttpClient http, int i);
    protected abstract Task<(string, bool)> BaselineRequestAsync(HttpClient http, int i);
    protected abstract void Compare(IReadOnlyList<LoadRunner.Result> desk, IReadOnlyList<LoadRunner.Result> baseline);

    protected static void Report(string title, IReadOnlyList<LoadRunner.Result> results)
    {
        Console.WriteLine(title);
        foreach (var r in results)
        {
            r.Milliseconds.Sort();
            Console.WriteLine($"  {r.Operation,-18} {r.PerSecond,8:0.0} req/s  p50 {Percentiles.Of(r.Milliseconds, 50),7:0.0} ms  p99 {Percentiles.Of(r.Milliseconds, 99),7:0.0} ms  ({r.Requests} requests, {r.Failures} failed)");
        }
        Console.WriteLine($"  {"total",-18} {results.Sum(r => r.PerSecond),8:0.0} req/s");
    }

    private static HttpClient Client(Uri baseAddress, string? key)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    protected static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClaimDesk.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ClaimDesk.sln not found above the bench binaries.");
    }

    protected static async Task<bool> OkAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return response.IsSuccessStatusCode;
    }
}

/// <summary>
/// Issue 3's figure: registering claims over HTTP. The desk runs in the `api` role so the run measures the
/// registration path (auth, validation, unit of work, audit, enqueue), not the corroboration jobs it queues.
/// `dotnet run -c Release --project bench/ClaimDesk.Bench -- register-claims [--clients 16] [--seconds 20] [--warmup 20] [--rounds 3] [--idempotency-keys]`
/// With --idempotency-keys every registration carries a new Idempotency-Key, as an integration that retries would send.
/// </summary>
public sealed class RegisterClaimsScenario : HttpLoadScenario
{
    private long _articleId;
    private bool _keyed;

    public override string Name => "register-claims";
    public override string Description => "POST /claims req/s and p50/p99 vs a bare minimal API doing a raw SQLite insert";
    protected override string DeskRole => "api";

    protected override async Task PrepareAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/v1/articles", new { title = "Bench", text = "The harbour reopened on 3 May after repairs costing 4 million euros.", outlet = "Bench" });
        _articleId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    protected override void Configure(string[] args) => _keyed = args.Contains("--idempotency-keys");

    protected override async Task<(string, bool)> DeskRequestAsync(HttpClient http, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims")
        {
            Content = JsonContent.Create(new { articleId = _articleId, text = $"The harbour reopened on 3 May (claim {i})." }),
        };
        if (_keyed) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return (_keyed ? "POST /claims keyed" : "POST /claims", await OkAsync(http.SendAsync(request)));
    }

    protected override async Task<(string, bool)> BaselineRequestAsync(HttpClient http, int i) =>
        ("POST /claims", await OkAsync(http.PostAsJsonAsync("/claims", new { articleId = 1, text = $"The harbour reopened on 3 May (claim {i})." })));

    protected override void Compare(IReadOnlyList<LoadRunner.Result> desk, IReadOnlyList<LoadRunner.Result> baseline) =>
        Console.WriteLine($"ClaimDesk reaches {desk.Sum(r => r.PerSecond) / baseline.Sum(r => r.PerSecond):P0} of the baseline's throughput (goal: at least 50%).");
}

/// <summary>
/// Issue 8's figure: a mixed desk load on the embedded default with jobs running (`all` role): register articles and
/// claims, read work queues, move claims with If-Match. Baseline: the bare API's insert and page read in the same mix.
/// `dotnet run -c Release --project bench/ClaimDesk.Bench -- load [--clients 16] [--seconds 20] [--warmup 20] [--rounds 3]`
/// </summary>
public sealed class MixedLoadScenario : HttpLoadScenario
{
    private long _articleId;
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _toReview = new();

    public override string Name => "load";
    public override string Description => "mixed desk load (articles, claims, work queues, transitions) vs the bare baseline, with memory";

    protected override async Task PrepareAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/v1/articles", new { title = "Bench", text = "The harbour reopened on 3 May after repairs costing 4 million euros.", outlet = "Bench" });
        _articleId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    protected override async Task<(string, bool)> DeskRequestAsync(HttpClient http, int i)
    {
        switch (i % 10)
        {
            case 0:
                return ("POST /articles", await OkAsync(http.PostAsJsonAsync("/api/v1/articles",
                    new { title = $"Report {i}", text = $"Ferry {i} left the harbour at {i % 24}:00 carrying {i % 300} passengers.", outlet = $"Outlet {i % 7}" })));
            case 1: case 2: case 3:
            {
                using var response = await http.PostAsJsonAsync("/api/v1/claims", new { articleId = _articleId, text = $"The harbour reopened on 3 May (claim {i})." });
                if (response.IsSuccessStatusCode) _toReview.Enqueue((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
                return ("POST /claims", response.IsSuccessStatusCode);
            }
            case 4: case 5:
                if (_toReview.TryDequeue(out var id))
                {
                    using var current = await http.GetAsync($"/api/v1/claims/{id}");
                    if (!current.IsSuccessStatusCode) return ("GET /claims/{id}", false);
                    var status = (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
                    if (status != "needsReview") { _toReview.Enqueue(id); return ("GET /claims/{id}", current.IsSuccessStatusCode); }
                    var move = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/claims/{id}/transitions") { Content = JsonContent.Create(new { to = "inReview" }) };
                    move.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
                    using var moved = await http.SendAsync(move);
                    return ("POST transitions", moved.IsSuccessStatusCode || moved.StatusCode == HttpStatusCode.PreconditionFailed);
                }
                goto default;
            default:
                return ("GET work queue", await OkAsync(http.GetAsync("/api/v1/claims?status=needsReview&unassigned=true&sort=checkWorthiness")));
        }
    }

    protected override async Task<(string, bool)> BaselineRequestAsync(HttpClient http, int i) =>
        i % 10 < 4
            ? ("POST (insert)", await OkAsync(http.PostAsJsonAsync("/claims", new { articleId = 1, text = $"The harbour reopened on 3 May (claim {i})." })))
            : ("GET (page)", await OkAsync(http.GetAsync("/claims")));

    protected override void Compare(IReadOnlyList<LoadRunner.Result> desk, IReadOnlyList<LoadRunner.Result> baseline) =>
        Console.WriteLine($"Mixed load: ClaimDesk {desk.Sum(r => r.PerSecond):0} req/s vs baseline {baseline.Sum(r => r.PerSecond):0} req/s " +
                          $"({desk.Sum(r => r.PerSecond) / baseline.Sum(r => r.PerSecond):P0}).");
}
