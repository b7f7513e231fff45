using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Core.Domain;
using ClaimDesk.WebConsole.Tests.Support;

namespace ClaimDesk.WebConsole.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class ArticlesInTheBrowserTests(ConsoleDesk desk)
{
    [Fact]
    public async Task An_article_submitted_by_url_shows_its_fetch_state_and_why_the_fetch_failed()
    {
        // A name of this machine that resolves to loopback passes submission; the fetch job's guard refuses the address
        // when connecting, and the article records why (nothing leaves the machine).
        var name = new[] { Dns.GetHostName(), "localhost.localdomain", "ip6-localhost" }
            .FirstOrDefault(n => { try { return Dns.GetHostAddresses(n).Any(IPAddress.IsLoopback); } catch (System.Net.Sockets.SocketException) { return false; } });
        Assert.True(name is not null, "no name on this machine resolves to loopback other than localhost");
        var submitted = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = $"http://{name}:9/story-{Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var browser = desk.Browser;
        browser.SignIn(await desk.KeyAsync("rita-reviewer", Role.Reviewer));
        browser.Open($"/console/articles/{id}");
        browser.WaitFor(() => browser.Text("[data-testid=article-state]") == "fetch failed", "the failed fetch", reload: true);
        Assert.Contains("The fetch failed:", browser.Text("[data-testid=fetch-state]"));
        Assert.Contains("the address is not allowed", browser.Text("[data-testid=fetch-state]"));
        browser.Open("/console/articles");
        Assert.Contains("fetch failed", browser.Text("table"));
    }
}
