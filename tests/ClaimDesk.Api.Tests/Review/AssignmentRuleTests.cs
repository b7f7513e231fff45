using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Review;

/// <summary>
/// A reviewer takes an unassigned claim or drops their own; only editors and admins reassign. While a claim is
/// assigned, only its assignee — or an editor or admin — moves it or works on its evidence; others get 403 naming the assignee.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AssignmentRuleTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task An_assigned_claim_is_its_assignees_and_the_editors_only()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var mine = await desk.As(Role.Reviewer);
        var me = ClaimDeskApiFactory.RoleUserName(Role.Reviewer);
        var otherName = "colleague-" + Guid.NewGuid().ToString("N")[..6];
        var colleague = desk.ClientWithKey(await desk.IssueKeyAsync(otherName, Role.Reviewer));
        var editor = await desk.As(Role.Editor);
        var assignment = $"/api/v1/claims/{id}/assignment";

        await (await mine.PostFreshAsync(id, assignment, new { assignee = me })).ShouldBe(HttpStatusCode.OK);

        // The colleague can neither take it over, nor drop it for me, nor move it.
        await ForbiddenNaming(me, await colleague.PostFreshAsync(id, assignment, new { assignee = otherName }));
        await ForbiddenNaming(me, await colleague.PostFreshAsync(id, assignment, new { assignee = (string?)null }));
        await ForbiddenNaming(me, await colleague.TransitionFreshAsync(id, new { to = "inReview" }));

        // I work on it; the colleague cannot cite for it or decide its evidence; an editor can.
        await (await mine.TransitionFreshAsync(id, new { to = "inReview" })).ShouldBe(HttpStatusCode.OK);
        await ForbiddenNaming(me, await colleague.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence", new { url = "https://example.com/other", stance = "supports" }));
        var cited = await mine.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence", new { url = $"https://records.example.org/m/{id}", stance = "supports" });
        await cited.ShouldBe(HttpStatusCode.Created);
        var citation = (await cited.Content.ReadFromJsonAsync<JsonElement>()).Id();
        await ForbiddenNaming(me, await colleague.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence/{citation}/decision", new { decision = "accept" }));
        await (await editor.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence/{citation}/decision", new { decision = "accept" })).ShouldBe(HttpStatusCode.OK);

        // Only an editor reassigns; then it is the colleague's, and I am the one refused.
        await (await editor.PostFreshAsync(id, assignment, new { assignee = otherName })).ShouldBe(HttpStatusCode.OK);
        await ForbiddenNaming(otherName, await mine.TransitionFreshAsync(id, new { to = "unverifiable", rationale = "Mine." }));
        await (await colleague.TransitionFreshAsync(id, new { to = "verified", rationale = "The minutes record it." })).ShouldBe(HttpStatusCode.OK);

        var (claim, _) = await desk.Admin.GetClaimAsync(id);
        Assert.Equal("verified", claim.GetProperty("status").GetString());
        Assert.Equal(otherName, claim.GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task A_reviewer_drops_their_own_claim_and_then_anyone_may_take_it()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var reviewer = await desk.As(Role.Reviewer);
        var assignment = $"/api/v1/claims/{id}/assignment";
        await (await reviewer.PostFreshAsync(id, assignment, new { assignee = ClaimDeskApiFactory.RoleUserName(Role.Reviewer) })).ShouldBe(HttpStatusCode.OK);
        await (await reviewer.PostFreshAsync(id, assignment, new { assignee = (string?)null })).ShouldBe(HttpStatusCode.OK);

        var name = "taker-" + Guid.NewGuid().ToString("N")[..6];
        var taker = desk.ClientWithKey(await desk.IssueKeyAsync(name, Role.Reviewer));
        var taken = await taker.PostFreshAsync(id, assignment, new { assignee = name });
        await taken.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(name, (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetString());
    }

    private static async Task ForbiddenNaming(string assignee, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var problem = await response.ProblemAsync();
        Assert.Equal(assignee, problem.GetProperty("assignee").GetString());
        Assert.Contains(assignee, problem.GetProperty("detail").GetString());
    }
}
