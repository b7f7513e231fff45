using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Review;

/// <summary>Brings fresh claims to a workflow state through the API, as an admin would.</summary>
internal static class ReviewFlow
{
    public static readonly string[] Verdicts = ["verified", "disputed", "editorializing", "unverifiable"];

    public static async Task<long> NewClaimAwaitingReviewAsync(ClaimDeskApiFactory desk)
    {
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        return claim.Id();
    }

    /// <summary>A claim in the given state, with whatever each verdict needs prepared along the way.</summary>
    public static async Task<long> NewClaimInStateAsync(ClaimDeskApiFactory desk, string state, long? duplicateOf = null)
    {
        var id = await NewClaimAwaitingReviewAsync(desk);
        if (state == "needsReview") return id;
        if (state == "duplicate")
        {
            await MoveAsync(desk, id, new { to = "duplicate", duplicateOf = duplicateOf ?? await NewClaimAwaitingReviewAsync(desk) });
            return id;
        }
        await MoveAsync(desk, id, new { to = "inReview" });
        if (state == "inReview") return id;
        await PrepareVerdictAsync(desk, id, state);
        await MoveAsync(desk, id, VerdictBody(state));
        return id;
    }

    public static object VerdictBody(string verdict) => verdict switch
    {
        "disputed" => new { to = verdict, rationale = "The council minutes record 10 million.", sourceUrl = "https://records.example.org/minutes/2025-03-04" },
        _ => new { to = verdict, rationale = $"Ruled {verdict} after review." },
    };

    /// <summary>
    /// verified needs accepted independent support: cite an external record that supports the claim, and have a second
    /// person (the editor) accept the citation.
    /// </summary>
    public static async Task PrepareVerdictAsync(ClaimDeskApiFactory desk, long id, string verdict)
    {
        if (verdict != "verified") return;
        var response = await desk.Admin.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence",
            new { url = $"https://records.example.org/budget/{id}", stance = "supports", note = "Official budget record" });
        await response.ShouldBe(HttpStatusCode.Created);
        var cited = await response.Content.ReadFromJsonAsync<JsonElement>();
        var accepted = await (await desk.As(Role.Editor)).PostFreshAsync(id, $"/api/v1/claims/{id}/evidence/{cited.Id()}/decision", new { decision = "accept" });
        await accepted.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> MoveAsync(ClaimDeskApiFactory desk, long id, object body)
    {
        var response = await desk.Admin.TransitionFreshAsync(id, body);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
