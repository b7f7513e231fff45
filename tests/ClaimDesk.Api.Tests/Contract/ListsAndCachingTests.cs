using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Contract;

[Collection(ApiCollection.Name)]
public sealed class ListsAndCachingTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task Every_list_answers_one_envelope_of_items_page_page_size_and_total()
    {
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        (await desk.Admin.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/comments", new { text = "A first note." })).EnsureSuccessStatusCode();
        var outlet = article.GetProperty("outlet").Id();
        var webhook = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://receiver.example/hook", events = new[] { "claim.registered" } });
        await webhook.ShouldBe(HttpStatusCode.Created);
        var webhookId = (await webhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").Id();
        await Eventually.SignalAsync(() => desk.Admin.GetAsync($"/api/v1/articles/{article.Id()}/claim-suggestions"),
            r => r.StatusCode == HttpStatusCode.OK, "the suggestion job");

        string[] lists =
        [
            "/api/v1/articles", "/api/v1/claims", $"/api/v1/claims/{claim.Id()}/evidence", $"/api/v1/claims/{claim.Id()}/history",
            $"/api/v1/claims/{claim.Id()}/comments", $"/api/v1/articles/{article.Id()}/claim-suggestions", "/api/v1/api-keys",
            "/api/v1/webhooks", $"/api/v1/webhooks/{webhookId}/deliveries", "/api/v1/feeds", "/api/v1/outlets", $"/api/v1/outlets/{outlet}/history",
        ];
        foreach (var list in lists)
        {
            var page = await desk.Admin.GetFromJsonAsync<JsonElement>(list);
            Assert.True(page.ValueKind == JsonValueKind.Object, $"{list} is not an envelope");
            // The evidence list also says what its latest gathering run looked at (issue 13: "say in the answer"); every
            // other list is the bare envelope, so one generic pager reads them all.
            string[] envelope = list.EndsWith("/evidence", StringComparison.Ordinal)
                ? ["gathering", "items", "page", "pageSize", "total"]
                : ["items", "page", "pageSize", "total"];
            Assert.Equal(envelope, page.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
            Assert.Equal(1, page.GetProperty("page").GetInt32());
            Assert.Equal(25, page.GetProperty("pageSize").GetInt32());
            Assert.True(page.GetProperty("total").GetInt32() >= page.GetProperty("items").GetArrayLength(), list);

            var second = await desk.Admin.GetFromJsonAsync<JsonElement>($"{list}?page=2&pageSize=1");
            Assert.Equal(2, second.GetProperty("page").GetInt32());
            Assert.Equal(1, second.GetProperty("pageSize").GetInt32());
            Assert.True(second.GetProperty("items").GetArrayLength() <= 1, list);
            // Jobs and other tests sharing the desk add rows (evidence, history, deliveries) while these requests run, even
            // between a page's count and its rows; so: a total of two or more always fills page 2, and page 2 never overflows.
            if (second.GetProperty("total").GetInt32() >= 2)
                Assert.True(second.GetProperty("items").GetArrayLength() == 1, $"{list}: {second}");
            await (await desk.Admin.GetAsync($"{list}?pageSize=201")).ShouldBe(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_claim_answers_304_while_its_etag_is_current_and_200_with_a_new_etag_after_a_change()
    {
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        var (_, etag) = await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");

        var unchanged = await GetIfNoneMatchAsync($"/api/v1/claims/{claim.Id()}", etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(etag, unchanged.Headers.ETag!.ToString());
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        await (await desk.Admin.PostFreshAsync(claim.Id(), $"/api/v1/claims/{claim.Id()}/assignment", new { assignee = "admin" })).ShouldBe(HttpStatusCode.OK);
        var changed = await GetIfNoneMatchAsync($"/api/v1/claims/{claim.Id()}", etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.Equal("admin", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task Other_resources_and_lists_answer_304_by_the_hash_of_what_they_hold_and_200_after_a_change()
    {
        var name = "Etag Outlet " + Guid.NewGuid().ToString("N")[..8];
        var created = await desk.Admin.PostAsJsonAsync("/api/v1/outlets", new { name, domain = "etag-outlet.example" });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).Id();

        var first = await desk.Admin.GetAsync($"/api/v1/outlets/{id}");
        var etag = first.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatchAsync($"/api/v1/outlets/{id}", etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatchAsync($"/api/v1/outlets/{id}", "W/" + etag)).StatusCode); // weak comparison
        var history = (await desk.Admin.GetAsync($"/api/v1/outlets/{id}/history")).Headers.ETag!.ToString();

        await (await desk.Admin.PostAsJsonAsync("/api/v1/outlets", new { name, ownerGroup = "Etag Group" })).ShouldBe(HttpStatusCode.OK);
        var after = await GetIfNoneMatchAsync($"/api/v1/outlets/{id}", etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("Etag Group", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ownerGroup").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatchAsync($"/api/v1/outlets/{id}/history", history)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatchAsync($"/api/v1/outlets/{id}", "\"something-else\"")).StatusCode);
    }

    private Task<HttpResponseMessage> GetIfNoneMatchAsync(string path, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return desk.Admin.SendAsync(request);
    }
}
