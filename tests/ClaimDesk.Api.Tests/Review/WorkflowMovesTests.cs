using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Review;

/// <summary>Every move from every state a person can see, for every role: allowed, refused as illegal (409), or forbidden (403).</summary>
[Collection(ApiCollection.Name)]
public sealed class WorkflowMovesTests(ClaimDeskApiFactory desk)
{
    private static readonly string[] AllStatuses =
        ["registered", "gathering", "needsReview", "inReview", "verified", "disputed", "editorializing", "unverifiable", "duplicate"];

    private static readonly Role[] People = [Role.Reader, Role.Reviewer, Role.Editor, Role.Integration, Role.Admin];
    private static readonly Role[] Reviewers = [Role.Reviewer, Role.Editor, Role.Admin];
    private static readonly Role[] Editors = [Role.Editor, Role.Admin];

    /// <summary>The workflow of PRODUCT.md written out by hand, independent of the code's table.</summary>
    private static Role[] WhoMay(string from, string to) => (from, to) switch
    {
        ("needsReview", "inReview") => Reviewers,
        ("needsReview", "duplicate") => Reviewers,
        ("inReview", "needsReview") => Reviewers,
        ("inReview", "verified" or "disputed" or "editorializing" or "unverifiable") => Reviewers,
        ("inReview", "duplicate") => Reviewers,
        ("verified" or "disputed" or "editorializing" or "unverifiable", "inReview") => Editors,
        ("duplicate", "needsReview") => Editors,
        _ => [],
    };

    public static TheoryData<string> States => new() { "needsReview", "inReview", "verified", "disputed", "editorializing", "unverifiable", "duplicate" };

    [Theory]
    [MemberData(nameof(States))]
    public async Task Every_role_and_every_target_from(string from)
    {
        var refused = await ReviewFlow.NewClaimInStateAsync(desk, from);
        var original = await ReviewFlow.NewClaimAwaitingReviewAsync(desk); // what "duplicate" moves point at
        foreach (var role in People)
        {
            var client = await desk.As(role);
            foreach (var to in AllStatuses)
            {
                var allowed = WhoMay(from, to);
                if (allowed.Contains(role))
                {
                    // A legal move changes the claim, so it gets a claim of its own.
                    var fresh = await ReviewFlow.NewClaimInStateAsync(desk, from);
                    if (to == "verified") await ReviewFlow.PrepareVerdictAsync(desk, fresh, to);
                    var response = await client.TransitionFreshAsync(fresh, BodyFor(to, original));
                    await response.ShouldBe(HttpStatusCode.OK);
                    var moved = await response.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.Equal(to, moved.GetProperty("status").GetString());
                }
                else
                {
                    var response = await client.TransitionFreshAsync(refused, BodyFor(to, original));
                    var expected = role is Role.Reader or Role.Integration || (allowed.Length > 0 && !allowed.Contains(role))
                        ? HttpStatusCode.Forbidden
                        : HttpStatusCode.Conflict;
                    Assert.True(expected == response.StatusCode,
                        $"{role} moving {from} → {to}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    if (expected == HttpStatusCode.Conflict)
                    {
                        var problem = await response.ProblemAsync();
                        var listed = problem.GetProperty("allowedMoves").EnumerateArray().Select(m => m.GetProperty("to").GetString()!).ToHashSet();
                        var expectedList = AllStatuses.Where(t => WhoMay(from, t).Length > 0).ToHashSet();
                        Assert.Equal(expectedList, listed);
                    }
                }
            }
        }
        var (after, _) = await desk.Admin.GetClaimAsync(refused);
        Assert.Equal(from, after.GetProperty("status").GetString()); // nothing refused changed it
    }

    private static object BodyFor(string to, long original) => to switch
    {
        "duplicate" => new { to, duplicateOf = original },
        "verified" or "disputed" or "editorializing" or "unverifiable" => ReviewFlow.VerdictBody(to),
        _ => new { to },
    };

    [Fact]
    public async Task A_verdict_without_a_rationale_is_a_400_naming_it()
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var response = await desk.Admin.TransitionAsync(id, etag, new { to = "editorializing" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("rationale", out _));
    }

    [Fact]
    public async Task Verified_without_accepted_independent_support_is_refused_with_the_reason()
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var response = await desk.Admin.TransitionAsync(id, etag, new { to = "verified", rationale = "Looks right." });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("acceptedIndependentSupport", problem.GetProperty("requirement").GetString());
        Assert.Contains("independent", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Support_from_the_claims_own_outlet_does_not_verify()
    {
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(outlet: "Own Voice Daily", body: story.Article);
        await desk.Admin.PostAsJsonAsync("/api/v1/outlets", new { name = "Own Voice Daily", domain = "ownvoice.example" });
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        await ReviewFlow.MoveAsync(desk, claim.Id(), new { to = "inReview" });
        var added = await desk.Admin.PostFreshAsync(claim.Id(), $"/api/v1/claims/{claim.Id()}/evidence",
            new { url = "https://news.ownvoice.example/follow-up", stance = "supports" });
        var evidence = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(evidence.GetProperty("independent").GetBoolean());
        var editor = await desk.As(Role.Editor); // a citation counts once a second person accepts it
        await (await editor.PostFreshAsync(claim.Id(), $"/api/v1/claims/{claim.Id()}/evidence/{evidence.Id()}/decision", new { decision = "accept" }))
            .ShouldBe(HttpStatusCode.OK);

        var response = await desk.Admin.TransitionFreshAsync(claim.Id(), new { to = "verified", rationale = "Our own follow-up says so." });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Disputed_needs_an_accepted_contradiction_or_a_cited_source()
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var bare = await desk.Admin.TransitionAsync(id, etag, new { to = "disputed", rationale = "I do not believe it." });
        Assert.Equal(HttpStatusCode.Conflict, bare.StatusCode);

        var cited = await desk.Admin.TransitionAsync(id, etag,
            new { to = "disputed", rationale = "The minutes at https://records.example.org/m/1 record 10 million." });
        await cited.ShouldBe(HttpStatusCode.OK);
        var claim = await cited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://records.example.org/m/1", claim.GetProperty("rationaleSourceUrl").GetString());
    }

    [Fact]
    public async Task Duplicate_needs_the_id_of_an_existing_claim()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var (_, etag) = await desk.Admin.GetClaimAsync(id);

        var missing = await desk.Admin.TransitionAsync(id, etag, new { to = "duplicate" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.ProblemAsync()).GetProperty("errors").TryGetProperty("duplicateOf", out _));

        var unknown = await desk.Admin.TransitionAsync(id, etag, new { to = "duplicate", duplicateOf = 987654321 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var itself = await desk.Admin.TransitionAsync(id, etag, new { to = "duplicate", duplicateOf = id });
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
    }

    [Fact]
    public async Task People_cannot_move_a_claim_into_gathering_the_job_owns_it()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var response = await desk.Admin.TransitionAsync(id, etag, new { to = "gathering" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_target_status_is_a_400_listing_the_statuses()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var response = await desk.Admin.TransitionAsync(id, etag, new { to = "probablyTrue" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Contains("editorializing", errors.GetProperty("to")[0].GetString());
    }
}
