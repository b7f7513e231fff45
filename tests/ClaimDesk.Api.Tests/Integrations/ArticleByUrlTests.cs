using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Integrations;

/// <summary>Articles fetched by URL from a local site (this desk allows its address, 127.0.0.1).</summary>
[Collection(PrivateNetworkCollection.Name)]
public sealed class ArticleByUrlTests(PrivateNetworkDesk desk)
{
    private static string Page(string marker) => $$"""
        <html><head><title>Harbour reopens after storm | Coast Courier</title>
        <meta property="og:site_name" content="Coast Courier" />
        <meta property="article:published_time" content="2025-05-04T08:00:00Z" /></head>
        <body><nav>Home | World | Sport</nav><article><h1>Harbour reopens after storm</h1>
        <p>The harbour of Port Ellen reopened on 3 May after a storm closed it for nine days, the harbour master said on Sunday.</p>
        <p>Repairs to the north quay cost 4 million pounds and were paid for by the regional council, according to officials.</p>
        <p>Fishing crews returned to sea within hours. Ferry services to the mainland resume on Tuesday. Reference {{marker}}.</p>
        <p>The storm, the strongest to hit the island in two decades, tore away a section of the breakwater and sank three moored boats.
        Engineers spent the week shoring up the quay wall while divers cleared debris from the channel.</p>
        <p>Local businesses said the closure cost them dearly. The island's whisky distilleries, which ship most of their casks through
        the harbour, had to delay deliveries, and the hotel on the seafront reported cancellations from visitors who could not cross.</p>
        <p>The council said it would review the harbour's storm defences before the winter, and that a report would be published in June.</p>
        </article><footer>Copyright Coast Courier</footer></body></html>
        """;

    private Task<JsonElement> WaitForArticleAsync(long id, Func<JsonElement, bool> until) =>
        Eventually.ReadUntilAsync(() => desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}"), until);

    [Fact]
    public async Task A_url_alone_is_accepted_fetched_and_extracted_into_an_article()
    {
        await using var site = await LocalReceiver.StartAsync();
        var marker = Guid.NewGuid().ToString("N");
        site.Serve("/harbour", "text/html; charset=utf-8", Page(marker));

        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = site.Url("/harbour").ToString() });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pending = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith($"/api/v1/articles/{pending.Id()}", response.Headers.Location!.ToString());
        var article = await WaitForArticleAsync(pending.Id(), a => a.GetProperty("state").GetString() is "indexed" or "fetchFailed");
        Assert.True("indexed" == article.GetProperty("state").GetString(), article.GetProperty("failureReason").ToString());
        Assert.Contains("Harbour reopens after storm", article.GetProperty("title").GetString());
        Assert.Equal("Coast Courier", article.GetProperty("outlet").GetProperty("name").GetString());
        var text = article.GetProperty("text").GetString()!;
        Assert.Contains("reopened on 3 May", text);
        Assert.Contains(marker, text);
        Assert.DoesNotContain("Home | World", text);
        Assert.NotEmpty(article.GetProperty("passages").EnumerateArray());

        // The same URL again is the same article.
        var again = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = site.Url("/harbour").ToString() });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(pending.Id(), (await again.Content.ReadFromJsonAsync<JsonElement>()).Id());
    }

    [Theory]
    [InlineData("missing", "HTTP 404")]
    [InlineData("huge", "the response was larger than 1 MB")]
    [InlineData("slow", "the server did not answer within 3 s")]
    [InlineData("image", "not a web page (image/png)")]
    public async Task A_failed_fetch_is_recorded_on_the_article_with_its_reason(string kind, string reason)
    {
        await using var site = await LocalReceiver.StartAsync();
        site.Serve("/huge", "text/html", new string('x', 2 * 1024 * 1024));
        site.Serve("/slow", "text/html", Page("slow"), delayMs: 6000);
        site.Serve("/image", "image/png", "not really a png");
        site.Answer(404); // the one request that reaches no route: /missing
        var url = site.Url($"/{kind}").ToString();

        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();

        var article = await WaitForArticleAsync(id, a => a.GetProperty("state").GetString() == "fetchFailed");
        Assert.Equal("fetchFailed", article.GetProperty("state").GetString());
        Assert.Equal(reason, article.GetProperty("failureReason").GetString());
        var claim = await desk.Admin.PostAsJsonAsync("/api/v1/claims", new { articleId = id, text = "Anything" });
        Assert.Equal(HttpStatusCode.Conflict, claim.StatusCode);
    }

    [Fact]
    public async Task A_claim_waits_for_its_articles_text_and_is_accepted_once_the_fetch_lands()
    {
        await using var site = await LocalReceiver.StartAsync();
        var marker = Guid.NewGuid().ToString("N");
        site.Serve("/late", "text/html; charset=utf-8", Page(marker), delayMs: 1500);
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = site.Url("/late").ToString() });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();

        var early = await desk.Admin.PostAsJsonAsync("/api/v1/claims", new { articleId = id, text = "Repairs to the north quay cost 4 million pounds" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        // The refusal must not have been remembered: the article the claim was checked against has text now.
        await WaitForArticleAsync(id, a => a.GetProperty("state").GetString() == "registered");
        var claim = await desk.Admin.RegisterClaimAsync(id, "Repairs to the north quay cost 4 million pounds");
        Assert.Equal(id, claim.GetProperty("articleId").GetInt64());
        Assert.Equal(JsonValueKind.Object, claim.GetProperty("quote").ValueKind);
    }

    [Fact]
    public async Task Readers_see_a_public_reason_for_a_failed_fetch_and_the_technical_detail_stays_in_the_logs()
    {
        // Nothing listens on this port; and an allowed site redirects to an address that is not allowed.
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        await using var site = await LocalReceiver.StartAsync();
        site.Redirect("/moved", $"http://127.0.0.2:{closedPort}/internal-tools");
        var reader = await desk.As(ClaimDesk.Core.Domain.Role.Reader);

        foreach (var (url, reason, detail) in new[]
        {
            ($"http://127.0.0.1:{closedPort}/gone", "the server could not be reached", $"127.0.0.1:{closedPort}"),
            (site.Url("/moved").ToString(), "the address is not allowed", "127.0.0.2"),
        })
        {
            var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url });
            await response.ShouldBe(HttpStatusCode.Accepted);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();

            var article = await Eventually.ReadUntilAsync(() => reader.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}"),
                a => a.GetProperty("state").GetString() == "fetchFailed");
            Assert.Equal(reason, article.GetProperty("failureReason").GetString());
            var listed = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/articles?pageSize=200");
            Assert.Equal(reason, listed.GetProperty("items").EnumerateArray().Single(a => a.Id() == id).GetProperty("failureReason").GetString());
            Assert.Contains(desk.Logs, line => line.Contains($"Article {id} ", StringComparison.Ordinal) && line.Contains(detail, StringComparison.Ordinal));
        }
    }
}
