using System.Net;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Review;

[Collection(ApiCollection.Name)]
public sealed class ClaimReviewExportTests(ClaimDeskApiFactory desk)
{
    public static TheoryData<string, int, string> Verdicts => new()
    {
        { "verified", 5, "Verified" },
        { "disputed", 1, "Disputed" },
        { "editorializing", 2, "Editorializing" },
        { "unverifiable", 3, "Unverifiable" },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public async Task A_decided_claim_exports_a_schema_org_ClaimReview(string verdict, int rating, string words)
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
        Assert.EndsWith($"/claims/{id}/claimreview", review.GetProperty("url").GetString());
        Assert.Equal("Organization", review.GetProperty("author").GetProperty("@type").GetString());

        var ratingJson = review.GetProperty("reviewRating");
        Assert.Equal(rating, ratingJson.GetProperty("ratingValue").GetInt32());
        Assert.Equal(1, ratingJson.GetProperty("worstRating").GetInt32());
        Assert.Equal(5, ratingJson.GetProperty("bestRating").GetInt32());
        Assert.StartsWith(words, ratingJson.GetProperty("alternateName").GetString());

        var item = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        Assert.Equal("CreativeWork", item.GetProperty("firstAppearance").GetProperty("@type").GetString());
        Assert.Equal(1, item.GetProperty("appearance").GetArrayLength());
        Assert.Equal("Test Outlet", item.GetProperty("firstAppearance").GetProperty("publisher").GetProperty("name").GetString());
        Assert.False(item.TryGetProperty("author", out _), "the outlet speaks in its own voice: no claim author");
    }

    [Fact]
    public async Task An_attributed_claim_names_its_claimant_as_the_claims_author()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), "The vote was historic.", claimant: "The mayor");
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        await ReviewFlow.MoveAsync(desk, claim.Id(), new { to = "inReview" });
        await ReviewFlow.MoveAsync(desk, claim.Id(), new { to = "unverifiable", rationale = "Historic is a judgement." });

        var review = JsonDocument.Parse(await desk.Admin.GetStringAsync($"/api/v1/claims/{claim.Id()}/claimreview")).RootElement;

        var author = review.GetProperty("itemReviewed").GetProperty("author");
        Assert.Equal("Person", author.GetProperty("@type").GetString());
        Assert.Equal("The mayor", author.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_claim_without_a_verdict_has_no_ClaimReview()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.GetAsync($"/api/v1/claims/{id}/claimreview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/claims/987654321/claimreview")).StatusCode);
    }

    [Fact]
    public async Task A_reopened_claim_withdraws_its_ClaimReview_and_keeps_the_verdict_in_history()
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "editorializing");
        var editor = await desk.As(ClaimDesk.Core.Domain.Role.Editor);
        var (_, etag) = await editor.GetClaimAsync(id);
        await (await editor.TransitionAsync(id, etag, new { to = "inReview", rationale = "New context arrived." })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.GetAsync($"/api/v1/claims/{id}/claimreview")).StatusCode);
        var history = await desk.Admin.GetStringAsync($"/api/v1/claims/{id}/history");
        Assert.Contains("Ruled editorializing after review.", history);
    }
}
