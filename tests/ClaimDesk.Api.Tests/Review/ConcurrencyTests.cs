using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Review;

[Collection(ApiCollection.Name)]
public sealed class ConcurrencyTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task A_change_without_If_Match_is_428()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var response = await desk.Admin.TransitionAsync(id, etag: null, new { to = "inReview" });
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        var assignment = await desk.Admin.PostAsJsonAsync($"/api/v1/claims/{id}/assignment", new { assignee = "admin" });
        Assert.Equal((HttpStatusCode)428, assignment.StatusCode);
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_with_the_current_ETag()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var (_, stale) = await desk.Admin.GetClaimAsync(id);
        await ReviewFlow.MoveAsync(desk, id, new { to = "inReview" });

        var response = await desk.Admin.TransitionAsync(id, stale, new { to = "editorializing", rationale = "Aside." });

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var (_, current) = await desk.Admin.GetClaimAsync(id);
        Assert.Equal(current, (await response.ProblemAsync()).GetProperty("currentETag").GetString());
        Assert.Equal("inReview", (await desk.Admin.GetClaimAsync(id)).Claim.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_If_Match_of_another_claim_or_garbage_is_412()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        foreach (var etag in new[] { "\"999999-1\"", "\"nonsense\"", "*x" })
        {
            var response = await desk.Admin.TransitionAsync(id, etag, new { to = "inReview" });
            Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        }
    }

    [Fact]
    public async Task Reviewers_racing_on_one_claim_never_both_win_and_the_log_shows_one_change()
    {
        const int racers = 8;
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var reviewer = await desk.As(Role.Reviewer);
        var editor = await desk.As(Role.Editor);

        using var start = new SemaphoreSlim(0, racers);
        var races = Enumerable.Range(0, racers).Select(async i =>
        {
            await start.WaitAsync();
            var client = i % 2 == 0 ? reviewer : editor;
            return await client.TransitionAsync(id, etag, new { to = "inReview", rationale = $"racer {i}" });
        }).ToList();
        start.Release(racers);
        var responses = await Task.WhenAll(races);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(racers - 1, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var history = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/history");
        var intoReview = history.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "transition"
                                                              && e.GetProperty("after").AuditText().Contains("\"inReview\""));
        Assert.Equal(1, intoReview);
    }
}
