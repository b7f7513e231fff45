using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Integrations;

[Collection(PrivateNetworkCollection.Name)]
public sealed class FeedTests(PrivateNetworkDesk desk)
{
    private static string Story(int n, string marker) => $$"""
        <html><head><title>Ferry story {{n}}</title></head><body><article><h1>Ferry story {{n}}</h1>
        <p>The ferry between Oban and Craignure carried {{n * 100}} passengers on its first crossing of the season on 2 April, the operator said.</p>
        <p>Crew members said the weather was calm and the crossing took forty-six minutes, four minutes faster than the timetable promised.</p>
        <p>The operator plans to add a second sailing each afternoon from May if bookings hold up, according to its spokesperson.</p>
        <p>Local hotels reported a rise in reservations for the Easter weekend. Reference {{marker}}-{{n}}.</p>
        <p>The route was suspended for most of the winter while the vessel was in dry dock for repairs to its bow doors and engines.
        Islanders relied on a smaller replacement boat that could not carry lorries, and shops ran short of fresh produce in February.</p>
        <p>The island council welcomed the return of the full service and said it would press the government for a second vessel
        so that a breakdown would no longer cut the island off, a request it has made every year since 2019.</p></article></body></html>
        """;

    [Fact]
    public async Task A_local_feed_produces_its_articles_once_not_twice()
    {
        await using var site = await LocalReceiver.StartAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var items = string.Join("", Enumerable.Range(1, 3).Select(n =>
            $"<item><title>Ferry story {n}</title><link>{site.Url($"/story/{marker}/{n}")}</link><guid>{marker}-{n}</guid></item>"));
        site.Serve("/rss", "application/rss+xml", $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coast feed</title><link>{site.BaseAddress}</link><description>d</description>{items}</channel></rss>");
        for (var n = 1; n <= 3; n++) site.Serve($"/story/{marker}/{n}", "text/html", Story(n, marker));
        var outlet = $"Coast Feed {marker}";

        var registered = await desk.Admin.PostAsJsonAsync("/api/v1/feeds", new { url = site.Url("/rss").ToString(), outlet });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var feedId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).Id();

        var articles = await ArticlesOfAsync(outlet, expected: 3);
        Assert.Equal(3, articles.Count);

        // Poll again: nothing new. A poll writes its LastPolledAt last, with its final save: once that moves, the poll has
        // finished and anything it added is there to count.
        var firstPoll = (await Eventually.SignalAsync(() => FeedAsync(feedId), f => f.GetProperty("lastPolledAt").ValueKind == JsonValueKind.String,
            "the first poll finishing")).GetProperty("lastPolledAt").GetDateTime();
        Assert.Equal(HttpStatusCode.Accepted, (await desk.Admin.PostAsync($"/api/v1/feeds/{feedId}/poll", null)).StatusCode);
        var feed = await Eventually.SignalAsync(() => FeedAsync(feedId), f => f.GetProperty("lastPolledAt").GetDateTime() > firstPoll, "the second poll finishing");
        Assert.Equal(3, (await ArticlesOfAsync(outlet, expected: 3)).Count);
        Assert.Equal(3, feed.GetProperty("itemsSeen").GetInt32());
        Assert.Equal(3, site.Requests.Count(r => r.Path.StartsWith($"/story/{marker}/", StringComparison.Ordinal)));
    }

    private async Task<JsonElement> FeedAsync(long feedId) =>
        (await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/feeds")).GetProperty("items").EnumerateArray().Single(f => f.Id() == feedId);

    private Task<List<JsonElement>> ArticlesOfAsync(string outlet, int expected) =>
        Eventually.ReadUntilAsync(async () => (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles?outlet={Uri.EscapeDataString(outlet)}&pageSize=50"))
                .GetProperty("items").EnumerateArray().Where(a => a.GetProperty("state").GetString() == "indexed").ToList(),
            items => items.Count >= expected);
}
