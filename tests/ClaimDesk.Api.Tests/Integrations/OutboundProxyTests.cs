using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Integrations;

/// <summary>
/// A newsroom sets HTTP_PROXY for every program. The guard must not be walked around through it: a desk uses only the
/// proxy it is configured with, and checks the target of every proxied request itself, since the proxy will not.
/// </summary>
[Collection(NewsroomCollection.Name)]
public sealed class OutboundProxyTests(NewsroomDesks newsroom)
{
    private static string Page(string marker) => $$"""
        <html><head><title>Internal memo {{marker}}</title></head><body><article><h1>Internal memo</h1>
        <p>This page lives on a machine inside the newsroom and must never be fetched into the desk. Marker {{marker}}.</p>
        <p>The budget for the spring investigation was approved by the editor in chief on Monday, the memo says, and the team
        will hire two more researchers for the data desk before the end of the quarter, pending a final sign-off.</p>
        <p>Staff are reminded that the shared drive will be moved to the new server over the weekend, and that access to it
        will be interrupted between Saturday noon and Sunday evening while the copy runs.</p></article></body></html>
        """;

    private static async Task<JsonElement> WaitForArticleAsync(HttpClient client, long id) =>
        await Eventually.ReadUntilAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}"),
            a => a.GetProperty("state").GetString() is "fetchFailed" or "indexed");

    [Fact]
    public async Task The_environment_proxy_is_not_used_so_a_name_that_resolves_to_loopback_stays_unreachable()
    {
        // The attack: a name that resolves to loopback, fetched through the environment's proxy, which the guard let through
        // because it checked only the proxy's address; the internal page became an article any reader could read.
        await using var intranet = await LocalReceiver.StartAsync("127.0.0.1");
        var marker = Guid.NewGuid().ToString("N");
        intranet.Serve("/memo", "text/html", Page(marker));
        var desk = newsroom.Ambient;

        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = $"http://{LoopbackName.Find()}:{intranet.BaseAddress.Port}/memo" });
        await response.ShouldBe(HttpStatusCode.Accepted);
        var reader = await desk.As(Role.Reader);
        var article = await WaitForArticleAsync(reader, (await response.Content.ReadFromJsonAsync<JsonElement>()).Id());

        Assert.Equal("fetchFailed", article.GetProperty("state").GetString());
        Assert.Equal("the address is not allowed", article.GetProperty("failureReason").GetString());
        Assert.DoesNotContain(marker, article.ToString());
        Assert.Empty(newsroom.EnvironmentProxy.Targets);
        Assert.Empty(intranet.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1/admin")]
    [InlineData("http://127.0.0.2:8080/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://localhost/")]
    [InlineData("http://tools.localhost/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fe80::1]/")]
    public async Task Allowing_private_networks_does_not_open_loopback_or_link_local(string url)
    {
        var desk = newsroom.Ambient;
        var article = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url });
        var webhook = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "claim.registered" } });

        await article.ShouldBe(HttpStatusCode.BadRequest);
        await webhook.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await webhook.ProblemAsync()).GetProperty("errors").TryGetProperty("url", out _));
    }

    [Fact]
    public async Task A_configured_proxy_carries_the_desks_fetches_and_the_environment_proxy_is_ignored()
    {
        await using var site = await LocalReceiver.StartAsync("127.0.0.2");
        var marker = Guid.NewGuid().ToString("N");
        site.Serve("/memo", "text/html", Page(marker));
        var url = site.Url("/memo");
        var desk = newsroom.Proxied;

        // An allowed address given as a literal is accepted (ClaimDesk:Outbound:AllowAddresses applies to literals too).
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = url.ToString() });
        await response.ShouldBe(HttpStatusCode.Accepted);
        var article = await WaitForArticleAsync(desk.Admin, (await response.Content.ReadFromJsonAsync<JsonElement>()).Id());

        Assert.True("indexed" == article.GetProperty("state").GetString(), article.GetProperty("failureReason").ToString());
        Assert.Contains(marker, article.GetProperty("text").GetString());
        Assert.Contains(url, newsroom.DeskProxy.Targets);
        Assert.Empty(newsroom.EnvironmentProxy.Targets);
    }

    [Fact]
    public async Task Through_a_configured_proxy_the_target_is_checked_before_the_proxy_is_asked()
    {
        await using var intranet = await LocalReceiver.StartAsync("127.0.0.1");
        await using var site = await LocalReceiver.StartAsync("127.0.0.2");
        intranet.Serve("/memo", "text/html", Page("intranet"));
        site.Redirect("/moved", intranet.Url("/memo").ToString());
        var desk = newsroom.Proxied;
        var byName = new Uri($"http://{LoopbackName.Find()}:{intranet.BaseAddress.Port}/memo");

        // A name that resolves to a refused address, and an allowed site that redirects to a refused IP literal.
        foreach (var url in new[] { byName, site.Url("/moved") })
        {
            var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = url.ToString() });
            await response.ShouldBe(HttpStatusCode.Accepted);
            var article = await WaitForArticleAsync(desk.Admin, (await response.Content.ReadFromJsonAsync<JsonElement>()).Id());
            Assert.Equal("fetchFailed", article.GetProperty("state").GetString());
            Assert.Equal("the address is not allowed", article.GetProperty("failureReason").GetString());
        }

        Assert.DoesNotContain(newsroom.DeskProxy.Targets, t => t.Port == intranet.BaseAddress.Port);
        Assert.Contains(site.Url("/moved"), newsroom.DeskProxy.Targets);
        Assert.Empty(intranet.Requests);
    }
}
