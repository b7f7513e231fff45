using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Infrastructure.Outbound;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Api.Tests.Integrations;

/// <summary>SSRF attempts with the default policy (private networks not allowed): every one is refused with its reason.</summary>
[Collection(ApiCollection.Name)]
public sealed class OutboundGuardTests(ClaimDeskApiFactory desk)
{
    public static TheoryData<string> Internal => new()
    {
        "http://127.0.0.1/admin", "http://[::1]/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/",
        "http://172.16.0.5/", "http://localhost:8080/", "http://[::ffff:127.0.0.1]/", "http://[fd00:ec2::254]/", "http://0.0.0.0/",
        "file:///etc/passwd", "gopher://example.org/", "http://user:pass@example.org/",
    };

    [Theory]
    [MemberData(nameof(Internal))]
    public async Task Webhooks_to_internal_addresses_are_refused(string url)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "claim.registered" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("url", out _));
    }

    [Theory]
    [MemberData(nameof(Internal))]
    public async Task Articles_from_internal_addresses_are_refused_at_submission(string url)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_when_connecting_and_the_reason_is_recorded()
    {
        // A name other than "localhost" that resolves to loopback (the machine's own name, as /etc/hosts maps it) passes the
        // name check at submission; the address it resolves to is checked when connecting.
        var name = new[] { Dns.GetHostName(), "localhost.localdomain", "ip6-localhost" }
            .FirstOrDefault(n => { try { return Dns.GetHostAddresses(n).Any(IPAddress.IsLoopback); } catch (System.Net.Sockets.SocketException) { return false; } });
        Assert.True(name is not null, "no name on this machine resolves to loopback other than localhost");
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = $"http://{name}:9/story-{Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var article = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pendingFetch", article.GetProperty("state").GetString());

        var fetched = await WaitForStateAsync(article.Id(), "fetchFailed");
        Assert.Contains("refused", fetched.GetProperty("failureReason").GetString());
        Assert.Contains("resolves to a refused address", fetched.GetProperty("failureReason").GetString());
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_address_to_loopback_is_refused()
    {
        // One internal address is allowed explicitly (127.0.0.2); it redirects to 127.0.0.1, which is not.
        await using var allowedHost = await LocalReceiver.StartAsync("127.0.0.2");
        await using var loopback = await LocalReceiver.StartAsync("127.0.0.1");
        loopback.Serve("/secret", "text/html", "<html><body>internal</body></html>");
        allowedHost.Redirect("/story", loopback.Url("/secret").ToString());
        using var client = new SafeHttpClient(Options.Create(new OutboundOptions { AllowAddresses = ["127.0.0.2"], TimeoutSeconds = 3 }));

        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => client.GetAsync(allowedHost.Url("/story"), CancellationToken.None));

        Assert.Contains("loopback", refused.Message);
        Assert.Empty(loopback.Requests);
        Assert.Single(allowedHost.Requests);
    }

    private Task<JsonElement> WaitForStateAsync(long id, string state) =>
        Eventually.ReadUntilAsync(() => desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}"), a => a.GetProperty("state").GetString() == state);
}
