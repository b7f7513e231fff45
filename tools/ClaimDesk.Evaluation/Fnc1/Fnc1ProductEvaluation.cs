using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimDesk.Fnc1;

namespace ClaimDesk.Evaluation.Fnc1;

/// <summary>
/// The stance model measured through the product: a real desk (the API host on the embedded default) is given the held-out
/// FNC-1 bodies of the development split as articles — each from an outlet of its own, so independence plays no part —
/// and the headlines as claims, quoted from one article of headlines that is none of the bodies (a claim's own article is
/// never its evidence). The jobs gather evidence as they would for any desk; the evidence is read through the HTTP API and
/// every labelled pair is scored: supports → agree, contradicts → disagree, mentions → discuss, no evidence → unrelated.
/// </summary>
public sealed class Fnc1ProductEvaluation : IEvaluation
{
    private const int Parallel = 4;

    public string Name => "fnc1";
    public string Description => "FNC-1 held-out bodies through a real desk's HTTP API (--split dev [--data <fnc1>] [--bodies N])";

    public async Task<int> RunAsync(string samplesDirectory, string[] args)
    {
        var split = Option(args, "--split") ?? "dev";
        if (split != "dev")
        {
            Console.WriteLine("Only --split dev exists: the held-out 20 % of the training bodies (the official test set is never used).");
            return 2;
        }
        var data = Fnc1Dataset.Load(Fnc1Dataset.Locate(Option(args, "--data")));
        var heldOut = Fnc1Split.Dev(data).HeldOutBodies.Order().ToList();
        if (Option(args, "--bodies") is { } limit) heldOut = heldOut.Take(int.Parse(limit, CultureInfo.InvariantCulture)).ToList();
        var bodies = heldOut.ToHashSet();
        var pairs = data.Pairs.Where(p => bodies.Contains(p.BodyId)).ToList();
        var headlines = pairs.Select(p => p.Headline.Trim()).Distinct(StringComparer.Ordinal).ToList();
        Console.WriteLine($"FNC-1 dev split (seed {Fnc1Split.DevSeed}): {bodies.Count} held-out bodies, {pairs.Count} labelled pairs, {headlines.Count} headlines");

        await using var desk = await DeskProcess.StartAsync();
        var http = desk.Client;
        Console.WriteLine($"desk started at {http.BaseAddress}");

        // 1. The bodies, each from its own outlet.
        var clock = Stopwatch.StartNew();
        var articleOf = new ConcurrentDictionary<int, long>();
        var refused = new ConcurrentBag<(int BodyId, string Why)>();
        await System.Threading.Tasks.Parallel.ForEachAsync(heldOut, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (bodyId, ct) =>
        {
            var response = await http.PostAsJsonAsync("/api/v1/articles",
                new { title = $"FNC-1 body {bodyId}", text = data.Bodies[bodyId], outlet = $"FNC-1 outlet {bodyId}" }, ct);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                articleOf[bodyId] = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
            else refused.Add((bodyId, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}"));
        });
        foreach (var (bodyId, why) in refused) Console.WriteLine($"  body {bodyId} refused: {why[..Math.Min(200, why.Length)]}");

        // 2. One article holding every headline, each on its own line: the claims quote it.
        var text = new StringBuilder();
        var quotes = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        foreach (var headline in headlines)
        {
            if (text.Length > 0) text.Append("\n\n");
            quotes[headline] = (text.Length, text.Length + headline.Length);
            text.Append(headline);
        }
        var source = await http.PostAsJsonAsync("/api/v1/articles",
            new { title = "FNC-1 headlines of the held-out bodies", text = text.ToString(), outlet = "FNC-1 headlines" });
        source.EnsureSuccessStatusCode();
        var sourceId = (await source.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await WaitAsync(async () => await CountArticlesNotIndexedAsync(http) == 0, "every article indexed", TimeSpan.FromMinutes(60));
        var indexing = clock.Elapsed;
        var passages = await CountPassagesAsync(http, articleOf.Values.Distinct().ToList());
        Console.WriteLine($"{articleOf.Count} bodies ({passages} passages) and the headline article registered and indexed in {indexing.TotalSeconds:F0} s");

        // 3. The claims: gathering starts by itself.
        clock.Restart();
        var claimOf = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await System.Threading.Tasks.Parallel.ForEachAsync(headlines, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (headline, ct) =>
        {
            var (start, end) = quotes[headline];
            var response = await http.PostAsJsonAsync("/api/v1/claims", new { articleId = sourceId, text = headline, quote = new { start, end } }, ct);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Claim refused ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(ct)}");
            claimOf[headline] = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        });
        await WaitAsync(async () => await CountAsync(http, "/api/v1/claims?status=registered&status=gathering&pageSize=1") == 0,
            "every claim gathered", TimeSpan.FromMinutes(120));
        var gathering = clock.Elapsed;
        Console.WriteLine($"{claimOf.Count} claims registered and gathered in {gathering.TotalSeconds:F0} s");

        // 4. The evidence, through the API.
        var stances = new ConcurrentDictionary<(long Claim, long Article), string>();
        var runs = new ConcurrentBag<JsonElement>();
        await System.Threading.Tasks.Parallel.ForEachAsync(claimOf.Values, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (claimId, ct) =>
        {
            for (var page = 1; ; page++)
            {
                var answer = await http.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claimId}/evidence?page={page}&pageSize=200", ct);
                if (page == 1 && answer.GetProperty("gathering").ValueKind == JsonValueKind.Object) runs.Add(answer.GetProperty("gathering").Clone());
                var items = answer.GetProperty("items").EnumerateArray().ToList();
                foreach (var item in items.Where(i => i.GetProperty("article").ValueKind == JsonValueKind.Object))
                    stances[(claimId, item.GetProperty("article").GetProperty("id").GetInt64())] = item.GetProperty("stance").GetString()!;
                if (page * 200 >= answer.GetProperty("total").GetInt32()) break;
            }
        });

        var metrics = Fnc1Metrics.Of(pairs.Select(p =>
        {
            var predicted = articleOf.TryGetValue(p.BodyId, out var articleId)
                            && stances.TryGetValue((claimOf[p.Headline.Trim()], articleId), out var stance)
                ? stance switch { "supports" => Fnc1Label.Agree, "contradicts" => Fnc1Label.Disagree, _ => Fnc1Label.Discuss }
                : Fnc1Label.Unrelated;
            return (p.Label, predicted);
        }));
        Console.WriteLine();
        Console.Write(metrics.Report("ClaimDesk through the HTTP API on the held-out bodies"));

        var elapsed = runs.Select(r => r.GetProperty("elapsedMs").GetDouble()).Order().ToList();
        var considered = runs.Select(r => r.GetProperty("articlesConsidered").GetInt32()).ToList();
        var related = runs.Select(r => r.GetProperty("articlesRelated").GetInt32()).ToList();
        Console.WriteLine();
        Console.WriteLine($"jobs: indexing {articleOf.Count + 1} articles {indexing.TotalSeconds:F0} s; gathering {claimOf.Count} claims {gathering.TotalSeconds:F0} s " +
                          $"({claimOf.Count / Math.Max(1, gathering.TotalSeconds):F1} claims/s)");
        if (elapsed.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gathering runs: {elapsed.Count}; per claim p50 {elapsed[elapsed.Count / 2]:F0} ms, p95 {elapsed[(int)(elapsed.Count * 0.95)]:F0} ms; " +
                $"articles considered per claim {considered.Average():F0} (max {considered.Max()}), related {related.Average():F1} (max {related.Max()}); " +
                $"cap reached {runs.Count(r => r.GetProperty("capReached").GetBoolean())} times; model {runs.First().GetProperty("model").GetString()}"));
        if (!refused.IsEmpty) Console.WriteLine($"{refused.Count} bodies were refused by the desk; their pairs count as answered 'unrelated'.");
        return 0;
    }

    private static async Task<int> CountAsync(HttpClient http, string path) =>
        (await http.GetFromJsonAsync<JsonElement>(path)).GetProperty("total").GetInt32();

    private static async Task<int> CountArticlesNotIndexedAsync(HttpClient http)
    {
        var waiting = 0;
        for (var page = 1; ; page++)
        {
            var answer = await http.GetFromJsonAsync<JsonElement>($"/api/v1/articles?page={page}&pageSize=200");
            waiting += answer.GetProperty("items").EnumerateArray().Count(a => a.GetProperty("state").GetString() != "indexed");
            if (page * 200 >= answer.GetProperty("total").GetInt32()) return waiting;
        }
    }

    private static async Task<int> CountPassagesAsync(HttpClient http, IReadOnlyCollection<long> articleIds)
    {
        var total = 0;
        for (var page = 1; ; page++)
        {
            var answer = await http.GetFromJsonAsync<JsonElement>($"/api/v1/articles?page={page}&pageSize=200");
            total += answer.GetProperty("items").EnumerateArray()
                .Where(a => articleIds.Contains(a.GetProperty("id").GetInt64())).Sum(a => a.GetProperty("passageCount").GetInt32());
            if (page * 200 >= answer.GetProperty("total").GetInt32()) return total;
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> done, string what, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting for {what} after {limit.TotalMinutes:F0} minutes.");
            await Task.Delay(1000);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
