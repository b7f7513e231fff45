using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Review;

[Collection(ApiCollection.Name)]
public sealed class ClaimReviewExportTests(ClaimDeskApiFactory desk)
{
    /// <summary>The default scale: only verified and disputed sit on the true/false axis; the others say what they are in words.</summary>
    public static TheoryData<string, int?, string> Verdicts => new()
    {
        { "verified", 5, "True" },
        { "disputed", 1, "False" },
        { "editorializing", null, "Opinion presented as fact" },
        { "unverifiable", null, "Unverifiable" },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public async Task A_decided_claim_exports_a_publishable_ClaimReview(string verdict, int? rating, string words)
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, verdict);

        var response = await desk.Admin.GetAsync($"/api/v1/claims/{id}/claimreview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var review = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://schema.org", review.GetProperty("@context").GetString());
        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        var (claim, _) = await desk.Admin.GetClaimAsync(id);
        Assert.Equal(claim.GetProperty("text").GetString(), review.GetProperty("claimReviewed").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", review.GetProperty("datePublished").GetString());
        // The desk's public pages, never the API (401 without a key) nor localhost.
        Assert.Equal($"{ClaimDeskApiFactory.DeskUrl}/claims/{id}", review.GetProperty("url").GetString());
        Assert.Equal(ClaimDeskApiFactory.DeskUrl, review.GetProperty("author").GetProperty("url").GetString());
        Assert.Equal("Organization", review.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Published", review.GetProperty("creativeWorkStatus").GetString());
        Assert.False(review.TryGetProperty("expires", out _));

        var ratingJson = review.GetProperty("reviewRating");
        Assert.Equal(words, ratingJson.GetProperty("alternateName").GetString());
        if (rating is { } value)
        {
            Assert.Equal(value, ratingJson.GetProperty("ratingValue").GetInt32());
            Assert.Equal(1, ratingJson.GetProperty("worstRating").GetInt32());
            Assert.Equal(5, ratingJson.GetProperty("bestRating").GetInt32());
        }
        else
        {
            // No place on the true/false axis: no value that an aggregator would read as "half true".
            Assert.False(ratingJson.TryGetProperty("ratingValue", out _), ratingJson.ToString());
            Assert.False(ratingJson.TryGetProperty("bestRating", out _));
        }

        var item = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        Assert.Equal("CreativeWork", item.GetProperty("firstAppearance").GetProperty("@type").GetString());
        Assert.Equal(1, item.GetProperty("appearance").GetArrayLength());
        Assert.Equal("Test Outlet", item.GetProperty("firstAppearance").GetProperty("publisher").GetProperty("name").GetString());
        // The outlet speaks in its own voice: it is the claim's author.
        Assert.Equal("Organization", item.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Test Outlet", item.GetProperty("author").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("Amara Okafor", "Person")]
    [InlineData("the Ministry of Finance", "Organization")]
    public async Task An_attributed_claim_names_its_claimant_as_the_claims_author(string claimant, string type)
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), "The vote was historic.", claimant: claimant);
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        await ReviewFlow.MoveAsync(desk, claim.Id(), new { to = "inReview" });
        await ReviewFlow.MoveAsync(desk, claim.Id(), new { to = "unverifiable", rationale = "Historic is a judgement." });

        var review = JsonDocument.Parse(await desk.Admin.GetStringAsync($"/api/v1/claims/{claim.Id()}/claimreview")).RootElement;

        var author = review.GetProperty("itemReviewed").GetProperty("author");
        Assert.Equal(type, author.GetProperty("@type").GetString());
        Assert.Equal(claimant, author.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("verified", "https://records.example.org/budget/{0}")]
    [InlineData("disputed", "https://records.example.org/minutes/2025-03-04")]
    public async Task The_sources_a_verdict_rests_on_are_cited(string verdict, string source)
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, verdict);

        var review = JsonDocument.Parse(await desk.Admin.GetStringAsync($"/api/v1/claims/{id}/claimreview")).RootElement;

        var cited = review.GetProperty("citation").EnumerateArray().Select(c => c.GetProperty("url").GetString()).ToList();
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, source, id), cited);
        Assert.Equal(cited.Count, cited.Distinct().Count());
    }

    [Fact]
    public async Task A_claim_without_a_verdict_has_no_ClaimReview()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.GetAsync($"/api/v1/claims/{id}/claimreview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/claims/987654321/claimreview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/claimreviews/987654321")).StatusCode);
    }

    [Fact]
    public async Task Reopening_withdraws_the_review_which_keeps_answering_until_the_next_verdict_supersedes_it()
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "editorializing");
        var published = JsonDocument.Parse(await desk.Admin.GetStringAsync($"/api/v1/claims/{id}/claimreview")).RootElement;
        var reviewId = long.Parse(published.GetProperty("identifier").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var beforeReopen = DateTimeOffset.UtcNow.AddSeconds(-1);

        var editor = await desk.As(Role.Editor);
        await (await editor.TransitionFreshAsync(id, new { to = "inReview", rationale = "New context arrived." })).ShouldBe(HttpStatusCode.OK);

        // The review is a publication record: it still answers, and says it was withdrawn, when and why.
        foreach (var path in new[] { $"/api/v1/claims/{id}/claimreview", $"/api/v1/claimreviews/{reviewId}" })
        {
            var response = await (await desk.As(Role.Reader)).GetAsync(path);
            await response.ShouldBe(HttpStatusCode.OK);
            var withdrawn = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Withdrawn", withdrawn.GetProperty("creativeWorkStatus").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", withdrawn.GetProperty("expires").GetString());
            Assert.Equal("New context arrived.", withdrawn.GetProperty("claimDesk").GetProperty("withdrawalReason").GetString());
            Assert.Equal(published.GetProperty("claimReviewed").GetString(), withdrawn.GetProperty("claimReviewed").GetString());
        }
        // The withdrawal is a fact in the claim's audit log, naming the review.
        var history = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/history?pageSize=200");
        var withdrawal = Assert.Single(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "reviewWithdrawn");
        Assert.Equal(ClaimDeskApiFactory.RoleUserName(Role.Editor), withdrawal.GetProperty("actor").GetString());
        Assert.Equal(reviewId, withdrawal.GetProperty("detail").GetProperty("reviewId").GetInt64());
        Assert.Contains("Ruled editorializing after review.", history.ToString());

        // The live feed no longer lists it; a reader syncing since before the reopen learns of the withdrawal.
        Assert.DoesNotContain(await FeedIdsAsync("/api/v1/claimreviews?pageSize=200"), r => r == reviewId);
        var changes = await FeedAsync($"/api/v1/claimreviews?updatedSince={Uri.EscapeDataString(beforeReopen.ToString("O"))}&pageSize=200");
        var change = Assert.Single(changes, r => Identifier(r) == reviewId);
        Assert.Equal("Withdrawn", change.GetProperty("creativeWorkStatus").GetString());

        // The next verdict publishes a new review and supersedes the withdrawn one.
        await ReviewFlow.MoveAsync(desk, id, new { to = "unverifiable", rationale = "Second look: it cannot be checked." });
        var current = JsonDocument.Parse(await desk.Admin.GetStringAsync($"/api/v1/claims/{id}/claimreview")).RootElement;
        Assert.NotEqual(reviewId, Identifier(current));
        Assert.Equal("Published", current.GetProperty("creativeWorkStatus").GetString());
        Assert.Equal("Unverifiable", current.GetProperty("reviewRating").GetProperty("alternateName").GetString());
        var old = JsonDocument.Parse(await desk.Admin.GetStringAsync($"/api/v1/claimreviews/{reviewId}")).RootElement;
        Assert.Equal("Superseded", old.GetProperty("creativeWorkStatus").GetString());
        Assert.Equal(Identifier(current), old.GetProperty("claimDesk").GetProperty("supersededBy").GetInt64());
        Assert.Equal("Opinion presented as fact", old.GetProperty("reviewRating").GetProperty("alternateName").GetString());
    }

    [Fact]
    public async Task The_feed_lists_every_published_review_in_the_list_envelope_as_JSON_LD()
    {
        var first = await ReviewFlow.NewClaimInStateAsync(desk, "unverifiable");
        var second = await ReviewFlow.NewClaimInStateAsync(desk, "editorializing");

        var response = await (await desk.As(Role.Reader)).GetAsync("/api/v1/claimreviews?pageSize=1");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("ClaimReview", item.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org", item.GetProperty("@context").GetString());

        var all = await FeedAsync("/api/v1/claimreviews?pageSize=200");
        Assert.Contains(all, r => r.GetProperty("claimDesk").GetProperty("claimId").GetInt64() == first);
        Assert.Contains(all, r => r.GetProperty("claimDesk").GetProperty("claimId").GetInt64() == second);
        Assert.All(all, r => Assert.Equal("Published", r.GetProperty("creativeWorkStatus").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, (await (await desk.As(Role.Reader)).GetAsync("/api/v1/claimreviews?state=gone")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await desk.As(Role.Reader)).GetAsync("/api/v1/claimreviews?updatedSince=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/claimreviews")).StatusCode);
    }

    private async Task<List<JsonElement>> FeedAsync(string path)
    {
        var page = await (await desk.As(Role.Reader)).GetFromJsonAsync<JsonElement>(path);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private async Task<List<long>> FeedIdsAsync(string path) => (await FeedAsync(path)).Select(Identifier).ToList();

    private static long Identifier(JsonElement review) =>
        long.Parse(review.GetProperty("identifier").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
