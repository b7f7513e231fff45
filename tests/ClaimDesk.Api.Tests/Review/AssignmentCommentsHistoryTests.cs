using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Review;

[Collection(ApiCollection.Name)]
public sealed class AssignmentCommentsHistoryTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task The_work_queue_shows_unassigned_claims_needing_review_most_check_worthy_first()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);

        var queue = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?status=needsReview&unassigned=true&sort=checkWorthiness&pageSize=200");
        var items = queue.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, c => c.Id() == id);
        Assert.All(items, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("assignee").ValueKind));
        var scores = items.Select(c => c.GetProperty("checkWorthiness").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        var reviewer = await desk.As(Role.Reviewer);
        var (_, etag) = await reviewer.GetClaimAsync(id);
        var taken = await reviewer.PostWithIfMatchAsync($"/api/v1/claims/{id}/assignment", etag, new { assignee = ClaimDeskApiFactory.RoleUserName(Role.Reviewer) });
        await taken.ShouldBe(HttpStatusCode.OK);

        var after = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?status=needsReview&unassigned=true&pageSize=200");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), c => c.Id() == id);
        var mine = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?assignee={ClaimDeskApiFactory.RoleUserName(Role.Reviewer)}&pageSize=200");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), c => c.Id() == id);
    }

    [Fact]
    public async Task A_reviewer_may_take_a_claim_but_not_hand_it_to_someone_else()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var reviewer = await desk.As(Role.Reviewer);
        await desk.As(Role.Editor);
        var (_, etag) = await reviewer.GetClaimAsync(id);

        var toOther = await reviewer.PostWithIfMatchAsync($"/api/v1/claims/{id}/assignment", etag, new { assignee = ClaimDeskApiFactory.RoleUserName(Role.Editor) });
        Assert.Equal(HttpStatusCode.Forbidden, toOther.StatusCode);

        var editor = await desk.As(Role.Editor);
        var byEditor = await editor.PostWithIfMatchAsync($"/api/v1/claims/{id}/assignment", etag, new { assignee = ClaimDeskApiFactory.RoleUserName(Role.Reviewer) });
        await byEditor.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(ClaimDeskApiFactory.RoleUserName(Role.Reviewer), (await byEditor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task Assigning_someone_who_is_not_a_reviewer_names_the_field()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var response = await desk.Admin.PostWithIfMatchAsync($"/api/v1/claims/{id}/assignment", etag, new { assignee = "nobody-here" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("assignee", out _));
    }

    [Fact]
    public async Task Every_change_is_in_the_history_with_who_when_before_and_after()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var reviewer = await desk.As(Role.Reviewer);
        var reviewerName = ClaimDeskApiFactory.RoleUserName(Role.Reviewer);
        var (_, etag) = await reviewer.GetClaimAsync(id);
        var assigned = await reviewer.PostWithIfMatchAsync($"/api/v1/claims/{id}/assignment", etag, new { assignee = reviewerName });
        var inReview = await reviewer.TransitionAsync(id, assigned.Headers.ETag!.ToString(), new { to = "inReview" });
        var comment = await reviewer.PostAsJsonAsync($"/api/v1/claims/{id}/comments", new { text = "Checking the council minutes." });
        await comment.ShouldBe(HttpStatusCode.Created);
        await reviewer.TransitionAsync(id, inReview.Headers.ETag!.ToString(), new { to = "unverifiable", rationale = "No minutes published yet." });

        // Evidence the engine adds from other tests' articles is history too, but not what this test is about.
        var history = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/history")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() is not ("evidenceAdded" or "newEvidenceAfterVerdict")).ToList();
        var types = history.Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["registered", "transition", "transition", "assignment", "transition", "comment", "transition"], types);
        Assert.Equal("system", history[1].GetProperty("actor").GetString()); // the corroboration job
        var ruling = history[^1];
        Assert.Equal(reviewerName, ruling.GetProperty("actor").GetString());
        Assert.Contains("\"inReview\"", ruling.GetProperty("before").AuditText());
        Assert.Contains("\"unverifiable\"", ruling.GetProperty("after").AuditText());
        Assert.Contains("No minutes published yet.", ruling.GetProperty("after").AuditText());
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.GetProperty("at").GetDateTime() <= p.Second.GetProperty("at").GetDateTime()));

        var comments = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/comments")).GetProperty("items");
        Assert.Equal(reviewerName, comments[0].GetProperty("author").GetString());
    }

    [Fact]
    public async Task The_history_has_no_endpoint_that_edits_or_deletes_it()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Post })
        {
            var response = await desk.Admin.SendAsync(new HttpRequestMessage(method, $"/api/v1/claims/{id}/history"));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }
    }
}
