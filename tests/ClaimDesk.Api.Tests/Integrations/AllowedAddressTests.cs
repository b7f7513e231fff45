using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Integrations;

/// <summary>
/// ClaimDesk:Outbound:AllowAddresses opens single addresses (this desk: 127.0.0.1) and nothing else: an allowed address
/// is reachable whether the URL names it as an IP literal or by a name that resolves to it.
/// </summary>
[Collection(PrivateNetworkCollection.Name)]
public sealed class AllowedAddressTests(PrivateNetworkDesk desk)
{
    private static string Page(string marker) => $$"""
        <html><head><title>Tide tables for the spring {{marker}}</title></head><body><article><h1>Tide tables</h1>
        <p>The harbour office published the tide tables for the spring on its own server, reference {{marker}}.</p>
        <p>High water at the north quay falls just after seven in the morning during the first week of April, the office said,
        and the spring tides at the end of the month will be the highest of the year, so boat owners should check their moorings.</p>
        <p>The office reminded skippers that the channel buoys were moved in the winter and that the new chart is free to download
        from its website, together with the notice to mariners about the dredging work planned for May.</p></article></body></html>
        """;

    private Task<JsonElement> FetchedAsync(long id) =>
        Eventually.ReadUntilAsync(() => desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}"),
            a => a.GetProperty("state").GetString() is "indexed" or "fetchFailed");

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task An_allowed_address_is_reached_as_an_ip_literal_and_by_a_name_that_resolves_to_it(string host)
    {
        await using var site = await LocalReceiver.StartAsync("127.0.0.1");
        var marker = Guid.NewGuid().ToString("N");
        site.Serve("/tides", "text/html", Page(marker));

        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = $"http://{host}:{site.BaseAddress.Port}/tides" });
        await response.ShouldBe(HttpStatusCode.Accepted);
        var article = await FetchedAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).Id());

        Assert.True("indexed" == article.GetProperty("state").GetString(), article.GetProperty("failureReason").ToString());
        Assert.Contains(marker, article.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Only_the_allowed_address_is_opened_not_its_neighbours()
    {
        await using var site = await LocalReceiver.StartAsync("127.0.0.1");
        await using var neighbour = await LocalReceiver.StartAsync("127.0.0.2");
        neighbour.Serve("/tides", "text/html", Page("neighbour"));
        site.Redirect("/moved", neighbour.Url("/tides").ToString());

        var direct = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = neighbour.Url("/tides").ToString() });
        var hook = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = neighbour.Url("/hook").ToString(), events = new[] { "claim.registered" } });
        await direct.ShouldBe(HttpStatusCode.BadRequest);
        await hook.ShouldBe(HttpStatusCode.BadRequest);

        // Through a redirect from the allowed address, it is refused when connecting.
        var redirected = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = site.Url("/moved").ToString() });
        await redirected.ShouldBe(HttpStatusCode.Accepted);
        var article = await FetchedAsync((await redirected.Content.ReadFromJsonAsync<JsonElement>()).Id());
        Assert.Equal("fetchFailed", article.GetProperty("state").GetString());
        Assert.Equal("the address is not allowed", article.GetProperty("failureReason").GetString());
        Assert.Empty(neighbour.Requests);
    }
}
