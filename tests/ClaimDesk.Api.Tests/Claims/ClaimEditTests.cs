using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimDesk.Api.Tests.Review;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Claims;

[Collection(ApiCollection.Name)]
public sealed class ClaimEditTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task An_open_claims_text_claimant_and_kind_are_corrected_with_a_merge_patch_and_audited()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), "The council approved the harbour budget.", claimant: "The mayor");

        var response = await PatchFreshAsync(claim.Id(), """{ "text": "The council approved the harbour budget in March.", "kind": "attributed" }""");

        await response.ShouldBe(HttpStatusCode.OK);
        var edited = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The council approved the harbour budget in March.", edited.GetProperty("text").GetString());
        Assert.Equal("The mayor", edited.GetProperty("claimant").GetString()); // left out: kept
        // The answer's ETag is the edited claim's (new words start a gathering that moves the version again later).
        Assert.Equal(edited.GetProperty("etag").GetString(), response.Headers.ETag!.ToString());

        // null clears the claimant (RFC 7396); the kind says who speaks now.
        await (await PatchFreshAsync(claim.Id(), """{ "claimant": null, "kind": "editorial" }""")).ShouldBe(HttpStatusCode.OK);
        var (current, _) = await desk.Admin.GetClaimAsync(claim.Id());
        Assert.Equal(JsonValueKind.Null, current.GetProperty("claimant").ValueKind);
        Assert.Equal("editorial", current.GetProperty("kind").GetString());

        var edits = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claim.Id()}/history?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "edited").ToList();
        Assert.Equal(2, edits.Count);
        var before = edits[0].GetProperty("before");
        var after = edits[0].GetProperty("after");
        Assert.Equal("The council approved the harbour budget.", before.GetProperty("text").GetString());
        Assert.Equal("The council approved the harbour budget in March.", after.GetProperty("text").GetString());
        Assert.False(after.TryGetProperty("claimant", out _), "only what changed is recorded");
        var cleared = edits[1].GetProperty("after");
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("claimant").ValueKind);
        Assert.Equal("The mayor", edits[1].GetProperty("before").GetProperty("claimant").GetString());
        Assert.Equal("admin", edits[1].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task New_words_are_corroborated_again()
    {
        var first = Stories.Unique();
        var second = Stories.Unlike(first);
        var article = await desk.Admin.RegisterOwnArticleAsync(body: first.Article);
        // Another outlet reports what the claim will say once corrected.
        var other = await desk.Admin.RegisterOwnArticleAsync(outlet: "Other Outlet " + Guid.NewGuid().ToString("N")[..6], body: second.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), first.Claim);
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        await Eventually.SignalAsync(() => ArticleStateAsync(other.Id()), s => s == "indexed", "the other article being indexed");
        Assert.DoesNotContain(await EvidenceArticlesAsync(claim.Id()), id => id == other.Id());

        await (await PatchFreshAsync(claim.Id(), $$"""{ "text": "{{second.Claim}}" }""")).ShouldBe(HttpStatusCode.OK);

        var found = await Eventually.ReadUntilAsync(() => EvidenceArticlesAsync(claim.Id()), ids => ids.Contains(other.Id()), seconds: 60);
        Assert.Contains(other.Id(), found);
        var (gathered, _) = await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        Assert.Equal(second.Claim, gathered.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_bad_patch_is_refused_and_changes_nothing()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), "The ferry carried 300 passengers.", claimant: "The operator");
        var (_, etag) = await desk.Admin.GetClaimAsync(claim.Id());

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PatchAsync(claim.Id(), null, """{ "claimant": "The port" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync(claim.Id(), $"\"{claim.Id()}-999\"", """{ "claimant": "The port" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await PatchAsync(claim.Id(), etag, """{ "claimant": "The port" }""", "application/json")).StatusCode);
        foreach (var (body, field) in new[]
                 {
                     ("""{ "claimant": "The port", "status": "verified" }""", "status"),
                     ("""{ "text": null }""", "text"),
                     ("""{ "text": "" }""", "text"),
                     ("""{ "kind": null }""", "kind"),
                     ("""{ "kind": "rumour" }""", "kind"),
                     ("""{ "claimant": "The\u202Eport" }""", "claimant"),
                     ("""{ "claimant": "a", "Claimant": "b" }""", "claimant"),
                 })
        {
            var response = await PatchAsync(claim.Id(), etag, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{body}: {problem}");
        }
        var (after, afterEtag) = await desk.Admin.GetClaimAsync(claim.Id());
        Assert.Equal("The operator", after.GetProperty("claimant").GetString());
        Assert.Equal("The ferry carried 300 passengers.", after.GetProperty("text").GetString());
        Assert.DoesNotContain("\"edited\"", await desk.Admin.GetStringAsync($"/api/v1/claims/{claim.Id()}/history"));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await desk.As(ClaimDesk.Core.Domain.Role.Integration)).SendAsync(Patch(claim.Id(), afterEtag, """{ "claimant": "x" }"""))).StatusCode);
    }

    [Theory]
    [InlineData("verified")]
    [InlineData("duplicate")]
    public async Task A_decided_or_duplicate_claim_is_reopened_before_it_is_edited(string state)
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, state);

        var response = await PatchFreshAsync(id, """{ "claimant": "Someone else" }""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("reopen", (await response.ProblemAsync()).GetProperty("detail").GetString());
        if (state == "verified")
        {
            // The published review still speaks of the words it ruled on.
            var review = JsonDocument.Parse(await desk.Admin.GetStringAsync($"/api/v1/claims/{id}/claimreview")).RootElement;
            Assert.Equal((await desk.Admin.GetClaimAsync(id)).Claim.GetProperty("text").GetString(), review.GetProperty("claimReviewed").GetString());
        }
    }

    private async Task<string?> ArticleStateAsync(long id) =>
        (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}")).GetProperty("state").GetString();

    private async Task<List<long>> EvidenceArticlesAsync(long claimId) =>
        (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claimId}/evidence?pageSize=200")).GetProperty("items").EnumerateArray()
        .Where(e => e.GetProperty("article").ValueKind == JsonValueKind.Object)
        .Select(e => e.GetProperty("article").GetProperty("id").GetInt64()).ToList();

    private async Task<HttpResponseMessage> PatchFreshAsync(long id, string body)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (_, etag) = await desk.Admin.GetClaimAsync(id);
            var response = await PatchAsync(id, etag, body);
            if (response.StatusCode != HttpStatusCode.PreconditionFailed || attempt == 5) return response;
        }
    }

    private Task<HttpResponseMessage> PatchAsync(long id, string? etag, string body, string contentType = "application/merge-patch+json") =>
        desk.Admin.SendAsync(Patch(id, etag, body, contentType));

    private static HttpRequestMessage Patch(long id, string? etag, string body, string contentType = "application/merge-patch+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/claims/{id}") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
