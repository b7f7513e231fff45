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
        // A name other than "localhost" that resolves to loopback passes the name check at submission; the address it
        // resolves to is checked when connecting. Readers see why in public words, not the internal name or address.
        var name = LoopbackName.Find();
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = $"http://{name}:9/story-{Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var article = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pendingFetch", article.GetProperty("state").GetString());

        var fetched = await WaitForStateAsync(article.Id(), "fetchFailed");
        Assert.Equal("the address is not allowed", fetched.GetProperty("failureReason").GetString());
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

        Assert.Equal("the address is not allowed", refused.Message);
        Assert.Contains("loopback", refused.Detail);
        Assert.Empty(loopback.Requests);
        Assert.Single(allowedHost.Requests);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.5", true)]
    [InlineData("172.31.255.254", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("fd12:3456:789a::1", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.10.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("100.100.100.200", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("2002:7f00:1::", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("2001:db8::1", false)]
    public void Allowing_private_networks_opens_the_private_ranges_only(string address, bool allowed) =>
        Assert.Equal(allowed, new OutboundOptions { AllowPrivateNetworks = true }.Allows(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.2", true)]
    [InlineData("::ffff:127.0.0.2", true)]
    [InlineData("10.0.0.7", true)]
    [InlineData("127.0.0.3", false)]
    [InlineData("10.0.0.8", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("fd00:ec2::254", false)]
    public void Allowed_addresses_open_exactly_themselves_and_never_cloud_metadata(string address, bool allowed)
    {
        var options = new OutboundOptions { AllowAddresses = ["127.0.0.2", "10.0.0.7", "169.254.169.254", "fd00:ec2::254"] };
        Assert.Equal(allowed, options.Allows(IPAddress.Parse(address)));
        Assert.Equal(allowed, OutboundAddressPolicy.RefuseUrl(new Uri($"http://{(address.Contains(':') ? $"[{address}]" : address)}/"), options) is null);
    }

    private Task<JsonElement> WaitForStateAsync(long id, string state) =>
        Eventually.ReadUntilAsync(() => desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}"), a => a.GetProperty("state").GetString() == state);
}
