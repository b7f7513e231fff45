using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimDesk.Bench.Load;

namespace ClaimDesk.Bench.Imports;

/// <summary>
/// Issue 14's figure: a desk loading its archive. The same synthetic articles (a few KB each) go in two ways, each into a
/// fresh desk process (the Release API, `all` role) on a fresh SQLite file: one NDJSON request to POST /imports, followed
/// until GET /imports/{id} says completed; and, as the baseline, one POST /articles per article (sequentially, and from
/// several clients at once), with the per-key rate limit lifted — at the default 600 a minute the baseline could not go
/// faster than 10 articles/s. Reports time, articles/s and the desk's peak resident memory (sampled every 100 ms).
/// Both desks run only the imports queue (ClaimDesk:Jobs:Queues=imports): the analysis each article queues (MiniLM
/// embeddings of every passage, about 0.25 s of CPU for an article of 3 KB) waits, in both runs alike, so the figures are
/// ingestion rather than whichever run the analysis jobs slowed more. --with-analysis runs them too.
/// `dotnet run -c Release --project bench/ClaimDesk.Bench -- import [--articles 10000] [--clients 8] [--with-analysis]`
/// </summary>
public sealed class ImportScenario : IBenchScenario
{
    private const string Key = "cdk_benchkey00_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    public string Name => "import";
    public string Description => "10,000 articles through POST /imports (NDJSON) vs POST /articles one by one: time, articles/s, peak memory";

    private static int Arg(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).First();

    public async Task RunAsync(string[] args)
    {
        var count = Arg(args, "--articles", 10_000);
        var clients = Arg(args, "--clients", 8);
        var queues = args.Contains("--with-analysis") ? "imports,default" : "imports";
        var directory = Path.Combine(Path.GetTempPath(), "claimdesk-import-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            var file = Path.Combine(directory, "archive.ndjson");
            var bytes = WriteArchive(file, count);
            Console.WriteLine($"{count:N0} synthetic articles, {bytes / 1024.0 / 1024.0:0.0} MB of NDJSON ({bytes / count / 1024.0:0.0} KB an article)");

            Console.WriteLine($"Job queues run by the desks: {queues}");
            var import = await MeasureAsync(directory, "import", queues, async http =>
            {
                await using var stream = File.OpenRead(file);
                var content = new StreamContent(stream, 64 * 1024);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var response = await http.PostAsync("/api/v1/imports", content);
                if ((int)response.StatusCode != 202) throw new InvalidOperationException($"POST /imports answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                var location = response.Headers.Location!.ToString();
                while (true)
                {
                    var state = await http.GetFromJsonAsync<JsonElement>(location);
                    if (state.GetProperty("state").GetString() == "completed")
                        return (state.GetProperty("registered").GetInt32(), state.GetProperty("failed").GetInt32());
                    await Task.Delay(100);
                }
            });
            Report("POST /imports (one NDJSON request)", count, import);

            foreach (var loaders in new[] { 1, clients })
            {
                var baseline = await MeasureAsync(directory, $"posts-{loaders}", queues, async http =>
                {
                    var next = -1;
                    var registered = 0;
                    var failed = 0;
                    var lines = File.ReadLines(file).ToArray();
                    await Task.WhenAll(Enumerable.Range(0, loaders).Select(async _ =>
                    {
                        int i;
                        while ((i = Interlocked.Increment(ref next)) < lines.Length)
                        {
                            using var content = new StringContent(lines[i], Encoding.UTF8, "application/json");
                            using var response = await http.PostAsync("/api/v1/articles", content);
                            if ((int)response.StatusCode == 201) Interlocked.Increment(ref registered);
                            else Interlocked.Increment(ref failed);
                        }
                    }));
                    return (registered, failed);
                });
                Report($"baseline: POST /articles one by one, {loaders} client{(loaders == 1 ? "" : "s")}", count, baseline);
                Console.WriteLine($"  import vs this baseline: {baseline.Seconds / import.Seconds:0.00}× its speed");
            }
            Console.WriteLine($"  at the default rate limit (600 a minute) the one-by-one load would take at least {count / 600.0:0.0} minutes");
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Measured(double Seconds, int Registered, int Failed, double AtRestMiB, double PeakMiB);

    private static void Report(string what, int count, Measured m) =>
        Console.WriteLine($"{what}: {m.Seconds:0.0} s, {m.Registered / m.Seconds:0} articles/s ({m.Registered:N0} registered, {m.Failed} failed of {count:N0}); " +
                          $"memory {m.AtRestMiB:0} MiB at rest, {m.PeakMiB:0} MiB peak (VmRSS)");

    /// <summary>A fresh desk process on a fresh database; the load runs against it while its memory is sampled.</summary>
    private static async Task<Measured> MeasureAsync(string directory, string name, string queues, Func<HttpClient, Task<(int Registered, int Failed)>> load)
    {
        var api = Path.Combine(RepositoryRoot(), "src", "ClaimDesk.Api", "bin", "Release", "net10.0", "ClaimDesk.Api.dll");
        if (!File.Exists(api)) throw new FileNotFoundException("Build the API in Release first: dotnet build -c Release src/ClaimDesk.Api", api);
        var port = ServerProcess.FreePort();
        await using var desk = await ServerProcess.StartAsync(api, "", port, "/health/ready", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__ClaimDesk"] = $"Data Source={Path.Combine(directory, name + ".db")}",
            ["CLAIMDESK_BOOTSTRAP_KEY"] = Key,
            ["Logging__LogLevel__Default"] = "Warning",
            ["ClaimDesk__RateLimit__PermitsPerMinute"] = "100000000",
            ["ClaimDesk__Jobs__Queues"] = queues,
        });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = desk.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        await Task.Delay(1000);
        var atRest = desk.ResidentMiB();
        var peak = atRest;
        using var sampler = new Timer(_ => peak = Math.Max(peak, desk.ResidentMiB()), null, 0, 100);
        var clock = Stopwatch.StartNew();
        var (registered, failed) = await load(http);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Measured(seconds, registered, failed, atRest, Math.Max(peak, desk.ResidentMiB()));
    }

    /// <summary>Articles of a few KB in invented words: names, places, numbers and dates vary, so each text is its own.</summary>
    private static long WriteArchive(string path, int count)
    {
        var random = new Random(14);
        string[] people = ["Amara Okafor", "Lars Lindqvist", "Mei Tanaka", "Diego Alvarez", "Noor Haddad", "Tomas Novak", "Ingrid Solberg", "Kwame Mensah"];
        string[] places = ["Tromsø", "Valparaíso", "Kumasi", "Gdańsk", "Nagoya", "Córdoba", "Aarhus", "Mombasa", "Salzburg", "Porto"];
        string[] verbs = ["approved", "rejected", "postponed", "funded", "inspected", "reopened", "audited", "announced"];
        string[] things = ["the harbour budget", "a ferry terminal", "the tram extension", "a school canteen", "the flood barrier", "a wind farm licence"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            for (var paragraph = 0; paragraph < 6; paragraph++)
            {
                for (var sentence = 0; sentence < 5; sentence++)
                    text.Append(CultureInfo.InvariantCulture,
                        $"{people[random.Next(people.Length)]} said the council in {places[random.Next(places.Length)]} {verbs[random.Next(verbs.Length)]} " +
                        $"{things[random.Next(things.Length)]} on {random.Next(1, 29)} March after {random.Next(2, 900)} residents wrote in. ");
                text.Append("\n\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"Report {i}.");
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                title = $"Council report {i}", text = text.ToString(), outlet = $"Outlet {i % 12}", publishedAt = "2025-03-05",
            }));
        }
        writer.Flush();
        return writer.BaseStream.Length;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClaimDesk.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ClaimDesk.sln not found above the bench binaries.");
    }
}
