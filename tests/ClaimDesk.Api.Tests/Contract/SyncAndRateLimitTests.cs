using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClaimDesk.Api.Tests.Security;
using ClaimDesk.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Api.Tests.Contract;

/// <summary>Each test has a desk of its own: what a sync sees must not depend on what other tests leave running.</summary>
[Collection(RestartCollection.Name)]
public sealed partial class SyncAndRateLimitTests
{
    [Fact]
    public async Task UpdatedSince_lists_exactly_the_claims_changed_since_oldest_change_first_and_a_cursor_pages_through_them()
    {
        await using var desk = new ClaimDeskApiFactory();
        // All three claims come from the one article the desk holds: no other article can become their evidence in the
        // background (matching a later article would change a claim after the sync's starting point).
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add((await desk.Admin.RegisterClaimAsync(article.Id(), $"{story.Claim} (part {i + 1})")).Id());
        var settled = new List<JsonElement>();
        foreach (var id in ids) settled.Add((await desk.Admin.WaitForStatusAsync(id, "needsReview")).Claim);
        var since = settled.Max(c => c.GetProperty("updatedAt").GetDateTime()).AddTicks(1);
        var everything = await SyncAsync(desk, since, null, 25);
        Assert.Empty(everything.GetProperty("items").EnumerateArray());

        // Two changes, in this order: the third claim, then the first.
        await (await desk.Admin.PostFreshAsync(ids[2], $"/api/v1/claims/{ids[2]}/assignment", new { assignee = "admin" })).ShouldBe(HttpStatusCode.OK);
        await (await desk.Admin.PostFreshAsync(ids[0], $"/api/v1/claims/{ids[0]}/assignment", new { assignee = "admin" })).ShouldBe(HttpStatusCode.OK);

        var changed = await SyncAsync(desk, since, null, 25);
        Assert.Equal([ids[2], ids[0]], changed.GetProperty("items").EnumerateArray().Select(c => c.Id()));
        Assert.Equal(2, changed.GetProperty("total").GetInt32());

        // One at a time, by the cursor of the last item got.
        var first = Assert.Single((await SyncAsync(desk, since, null, 1)).GetProperty("items").EnumerateArray());
        Assert.Equal(ids[2], first.Id());
        var second = Assert.Single((await SyncAsync(desk, first.GetProperty("updatedAt").GetDateTime(), first.Id(), 1)).GetProperty("items").EnumerateArray());
        Assert.Equal(ids[0], second.Id());
        Assert.Empty((await SyncAsync(desk, second.GetProperty("updatedAt").GetDateTime(), second.Id(), 1)).GetProperty("items").EnumerateArray());

        // A sync lists oldest change first, so it takes no sort; afterId continues a sync and needs updatedSince.
        await (await desk.Admin.GetAsync($"/api/v1/claims?updatedSince={Format(since)}&sort=newest")).ShouldBe(HttpStatusCode.BadRequest);
        await (await desk.Admin.GetAsync("/api/v1/claims?afterId=3")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UpdatedSince_lists_exactly_the_articles_registered_or_indexed_since()
    {
        await using var desk = new ClaimDeskApiFactory();
        var old = await desk.Admin.RegisterOwnArticleAsync();
        var indexed = await Eventually.SignalAsync(() => desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{old.Id()}"),
            a => a.GetProperty("state").GetString() == "indexed", "indexing of the first article");
        var since = indexed.GetProperty("updatedAt").GetDateTime().AddTicks(1);

        var fresh = new[] { (await desk.Admin.RegisterOwnArticleAsync()).Id(), (await desk.Admin.RegisterOwnArticleAsync()).Id() };
        var page = await Eventually.SignalAsync(() => desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles?updatedSince={Format(since)}"),
            p => p.GetProperty("items").EnumerateArray().All(a => a.GetProperty("state").GetString() == "indexed")
                 && p.GetProperty("items").GetArrayLength() == 2, "indexing of the new articles");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(fresh.Order(), items.Select(a => a.Id()).Order());
        var keys = items.Select(a => (a.GetProperty("updatedAt").GetDateTime(), a.Id())).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2), keys);
    }

    [Fact]
    public async Task Every_api_answer_carries_the_ratelimit_fields_counting_down_to_a_429_with_retry_after()
    {
        await using var desk = new RateLimitedDesk(); // 12 a minute: 2 back every 10 s
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 20 && answers.LastOrDefault()?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            answers.Add(await desk.Admin.GetAsync(i % 2 == 0 ? "/api/v1/claims" : "/api/v1/no-such-route"));

        var limited = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var remaining = new List<int>();
        foreach (var answer in answers)
        {
            Assert.Equal("\"per-key\";q=12;w=60", Assert.Single(answer.Headers.GetValues("RateLimit-Policy")));
            var match = RateLimitField().Match(Assert.Single(answer.Headers.GetValues("RateLimit")));
            Assert.True(match.Success, answer.Headers.GetValues("RateLimit").Single());
            remaining.Add(int.Parse(match.Groups["r"].Value, CultureInfo.InvariantCulture));
            Assert.True(int.Parse(match.Groups["t"].Value, CultureInfo.InvariantCulture) > 0);
        }
        Assert.Equal(0, remaining[^1]);
        // Each request takes one permit; between two answers the bucket may have been refilled by 2 (every 10 s).
        foreach (var (before, after) in remaining.Zip(remaining.Skip(1)))
            Assert.True(after == Math.Max(0, before - 1) || after == Math.Min(12, before + 1), $"RateLimit went from r={before} to r={after}: {string.Join(", ", remaining)}");
        Assert.Equal(11, remaining[0]);
    }

    [Fact]
    public async Task A_bootstrap_key_set_on_a_database_that_has_keys_is_reported_as_ignored()
    {
        var directory = RestartableDesk.NewDirectory();
        try
        {
            await using (var first = new LoggingDesk(directory))
            {
                await (await first.Admin.GetAsync("/api/v1/claims")).ShouldBe(HttpStatusCode.OK);
                Assert.DoesNotContain(first.Logs, l => l.Contains("CLAIMDESK_BOOTSTRAP_KEY is set"));
            }
            await using (var same = new LoggingDesk(directory))
            {
                await (await same.Admin.GetAsync("/api/v1/claims")).ShouldBe(HttpStatusCode.OK); // the same key again: nothing to say
                Assert.DoesNotContain(same.Logs, l => l.Contains("CLAIMDESK_BOOTSTRAP_KEY is set"));
            }
            const string other = "cdk_otherkey00_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
            await using var changed = new LoggingDesk(directory, new KeyValuePair<string, string>("CLAIMDESK_BOOTSTRAP_KEY", other));
            Assert.Equal(HttpStatusCode.Unauthorized, (await changed.ClientWithKey(other).GetAsync("/api/v1/claims")).StatusCode);
            var warning = Assert.Single(changed.Logs, l => l.Contains("CLAIMDESK_BOOTSTRAP_KEY is set"));
            Assert.Contains("ignored", warning);
            Assert.Contains("claimdesk.db", warning);
            Assert.DoesNotContain(other, string.Join('\n', changed.Logs));
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static Task<JsonElement> SyncAsync(ClaimDeskApiFactory desk, DateTime since, long? afterId, int pageSize) =>
        desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?updatedSince={Format(since)}&pageSize={pageSize}" + (afterId is { } a ? $"&afterId={a}" : ""));

    private static string Format(DateTime instant) => Uri.EscapeDataString(instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    [GeneratedRegex("^\"per-key\";r=(?<r>\\d+);t=(?<t>\\d+)$")]
    private static partial Regex RateLimitField();

    private sealed class LoggingDesk(string directory, params KeyValuePair<string, string>[] settings) : ClaimDeskApiFactory(directory)
    {
        public ConcurrentQueue<string> Logs { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(new PrivateNetworkDesk.CapturingLoggerProvider(Logs))));
        }
    }
}
