using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Review;

/// <summary>The example that defines ClaimDesk, end to end, as the README's walk-through runs it.</summary>
[Collection(ApiCollection.Name)]
public sealed class DefiningExampleTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task The_russia_aside_is_suggested_registered_found_uncorroborated_ruled_editorializing_and_published()
    {
        var ids = new Dictionary<string, long>();
        foreach (var sample in SampleArticles.All()) ids[sample.File[..3]] = (await desk.Admin.RegisterSampleAsync(sample)).Id();
        var reviewer = await desk.As(Role.Reviewer);

        // 1. Suggested, high, editorial, with the signals that say why.
        JsonElement[] suggestions;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await reviewer.GetAsync($"/api/v1/articles/{ids["002"]}/claim-suggestions?pageSize=5");
            if (response.StatusCode == HttpStatusCode.OK) { suggestions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToArray(); break; }
            Assert.True(DateTime.UtcNow < deadline, "suggestions never came");
            await Task.Delay(100);
        }
        var aside = suggestions.Single(s => s.GetProperty("text").GetString()!.Contains("Russia did not invade its neighbors"));
        Assert.Equal("editorial", aside.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, aside.GetProperty("claimant").ValueKind);
        var signals = aside.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
        Assert.Contains("editorialAside", signals);

        // 2. Registered from the suggestion: span, kind and claimant carry over.
        var start = aside.GetProperty("start").GetInt32();
        var end = aside.GetProperty("end").GetInt32();
        var claim = await reviewer.RegisterClaimAsync(ids["002"], "Russia did not invade its neighbors during Trump's first term", start, end);
        Assert.Equal("editorial", claim.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("claimant").ValueKind);
        Assert.Equal(aside.GetProperty("checkWorthiness").GetDouble(), claim.GetProperty("checkWorthiness").GetDouble());

        // 3. No other article backs it.
        var (gathered, _) = await reviewer.WaitForStatusAsync(claim.Id(), "needsReview");
        Assert.Equal(0, gathered.GetProperty("evidenceSummary").GetProperty("supports").GetInt32());

        // 4. Ruled editorializing with a rationale.
        await (await reviewer.TransitionFreshAsync(claim.Id(), new { to = "inReview" })).ShouldBe(HttpStatusCode.OK);
        const string rationale = "The outlet's own unsourced aside, not a reported fact; no other article on the story corroborates it.";
        var ruled = await reviewer.TransitionFreshAsync(claim.Id(), new { to = "editorializing", rationale });
        await ruled.ShouldBe(HttpStatusCode.OK);
        var decided = await ruled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("editorializing", decided.GetProperty("verdict").GetString());
        Assert.Equal(rationale, decided.GetProperty("rationale").GetString());

        // 5. Kept in the audit log and published as a ClaimReview.
        var history = (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claim.Id()}/history")).GetProperty("items").EnumerateArray().ToList();
        var ruling = history.Last(e => e.GetProperty("type").GetString() == "transition");
        Assert.Equal(ClaimDeskApiFactory.RoleUserName(Role.Reviewer), ruling.GetProperty("actor").GetString());
        Assert.Contains(rationale, ruling.GetProperty("after").AuditText());

        var review = JsonDocument.Parse(await reviewer.GetStringAsync($"/api/v1/claims/{claim.Id()}/claimreview")).RootElement;
        // Opinion is not a point between false and true: the verdict is in words, with no rating value.
        Assert.Equal("Opinion presented as fact", review.GetProperty("reviewRating").GetProperty("alternateName").GetString());
        Assert.False(review.GetProperty("reviewRating").TryGetProperty("ratingValue", out _));
        Assert.Equal(rationale, review.GetProperty("reviewRating").GetProperty("ratingExplanation").GetString());
        // The outlet speaks in its own voice: it is the author of the aside.
        var author = review.GetProperty("itemReviewed").GetProperty("author");
        Assert.Equal("Organization", author.GetProperty("@type").GetString());
        Assert.Equal("Sample Outlet C", author.GetProperty("name").GetString());
        Assert.Equal("Sample Outlet C", review.GetProperty("itemReviewed").GetProperty("firstAppearance").GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("2024-12-03", review.GetProperty("itemReviewed").GetProperty("firstAppearance").GetProperty("datePublished").GetString());
    }
}
