using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Review;

/// <summary>A source one reviewer cites counts only once another person accepts it.</summary>
[Collection(ApiCollection.Name)]
public sealed class CitationTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task A_reviewer_cannot_verify_a_claim_alone_on_a_source_they_cite_themselves()
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        var reviewer = await desk.As(Role.Reviewer);

        var cited = await reviewer.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence", new { url = "https://example.com/anything", stance = "supports" });
        await cited.ShouldBe(HttpStatusCode.Created);
        var citation = await cited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("suggested", citation.GetProperty("reviewState").GetString());
        Assert.Equal(ClaimDeskApiFactory.RoleUserName(Role.Reviewer), citation.GetProperty("citedBy").GetString());

        var verified = await reviewer.TransitionFreshAsync(id, new { to = "verified", rationale = "The source says so." });
        Assert.Equal(HttpStatusCode.Conflict, verified.StatusCode);
        Assert.Equal("acceptedIndependentSupport", (await verified.ProblemAsync()).GetProperty("requirement").GetString());

        var ownAccept = await reviewer.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence/{citation.Id()}/decision", new { decision = "accept" });
        Assert.Equal(HttpStatusCode.Forbidden, ownAccept.StatusCode);
        var refusal = await ownAccept.ProblemAsync();
        Assert.Contains("another person", refusal.GetProperty("detail").GetString());
        Assert.Equal(ClaimDeskApiFactory.RoleUserName(Role.Reviewer), refusal.GetProperty("citedBy").GetString());

        // A second reviewer looks at the source and accepts it: now it counts.
        var second = desk.ClientWithKey(await desk.IssueKeyAsync("second-reviewer-" + Guid.NewGuid().ToString("N")[..6], Role.Reviewer));
        var accepted = await second.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence/{citation.Id()}/decision", new { decision = "accept", note = "Checked the page." });
        await accepted.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewState").GetString());
        await (await reviewer.TransitionFreshAsync(id, new { to = "verified", rationale = "The source says so, checked by a colleague." })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_citer_may_withdraw_their_own_citation()
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        var reviewer = await desk.As(Role.Reviewer);
        var cited = await reviewer.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence", new { url = $"https://records.example.org/wrong/{id}", stance = "contradicts" });
        var citation = await cited.Content.ReadFromJsonAsync<JsonElement>();
        var withdrawn = await reviewer.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence/{citation.Id()}/decision", new { decision = "reject", note = "Wrong page." });
        await withdrawn.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("rejected", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewState").GetString());
    }
}

/// <summary>A desk that needs a second person for every verdict (ClaimDesk:Review:VerdictsNeedSecondPerson=true).</summary>
public sealed class SecondPersonDesk : ClaimDeskApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("ClaimDesk:Review:VerdictsNeedSecondPerson", "true")];
}

[Collection(RestartCollection.Name)]
public sealed class VerdictApprovalTests
{
    [Fact]
    public async Task With_the_setting_on_a_verdict_waits_for_an_editor_who_did_not_propose_it()
    {
        await using var desk = new SecondPersonDesk();
        var reviewer = await desk.As(Role.Reviewer);
        var editor = await desk.As(Role.Editor);
        var reviewerName = ClaimDeskApiFactory.RoleUserName(Role.Reviewer);
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        const string rationale = "The outlet's own aside, with no source.";

        // The reviewer asks for a verdict: 202, the claim stays inReview and carries the proposal.
        var proposed = await reviewer.TransitionFreshAsync(id, new { to = "editorializing", rationale });
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var carrying = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("inReview", carrying.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, carrying.GetProperty("verdict").ValueKind);
        Assert.Equal("editorializing", carrying.GetProperty("proposedVerdict").GetProperty("verdict").GetString());
        Assert.Equal(reviewerName, carrying.GetProperty("proposedVerdict").GetProperty("proposedBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.GetAsync($"/api/v1/claims/{id}/claimreview")).StatusCode);
        var queue = await editor.GetFromJsonAsync<JsonElement>("/api/v1/claims?awaitingApproval=true&pageSize=200");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), c => c.Id() == id);

        // Nobody else's verdict replaces it, the reviewer cannot approve it, and sending it back needs a reason.
        var other = desk.ClientWithKey(await desk.IssueKeyAsync("other-reviewer", Role.Reviewer));
        var competing = await other.TransitionFreshAsync(id, new { to = "unverifiable", rationale = "Cannot tell." });
        Assert.Equal(HttpStatusCode.Conflict, competing.StatusCode);
        Assert.Equal(reviewerName, (await competing.ProblemAsync()).GetProperty("proposedBy").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostFreshAsync(id, Decision(id), new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostFreshAsync(id, Decision(id), new { decision = "sendBack" })).StatusCode);

        // Sent back with a note; proposed again; approved by the editor: now it is the verdict, ruled by the approver.
        await (await editor.PostFreshAsync(id, Decision(id), new { decision = "sendBack", note = "Say which sentence." })).ShouldBe(HttpStatusCode.OK);
        var (sentBack, _) = await reviewer.GetClaimAsync(id);
        Assert.Equal(JsonValueKind.Null, sentBack.GetProperty("proposedVerdict").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, (await reviewer.TransitionFreshAsync(id, new { to = "editorializing", rationale })).StatusCode);
        var approved = await editor.PostFreshAsync(id, Decision(id), new { decision = "approve", note = "Agreed." });
        await approved.ShouldBe(HttpStatusCode.OK);
        var decided = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("editorializing", decided.GetProperty("verdict").GetString());
        Assert.Equal(rationale, decided.GetProperty("rationale").GetString());
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("proposedVerdict").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/claims/{id}/claimreview")).StatusCode);

        var history = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/history")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() is "verdictProposed" or "verdictSentBack" or "transition").Skip(3).ToList(); // after the job's two moves and startReview
        Assert.Equal(["verdictProposed", "verdictSentBack", "verdictProposed", "transition"], history.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(reviewerName, history[0].GetProperty("actor").GetString());
        Assert.Contains("Say which sentence.", history[1].GetProperty("detail").AuditText());
        Assert.Equal(ClaimDeskApiFactory.RoleUserName(Role.Editor), history[3].GetProperty("actor").GetString());
        Assert.Contains(reviewerName, history[3].GetProperty("detail").AuditText());
        Assert.Contains("\"editorializing\"", history[3].GetProperty("after").AuditText());
    }

    [Fact]
    public async Task An_editor_cannot_approve_their_own_verdict_and_approval_checks_the_requirements_again()
    {
        await using var desk = new SecondPersonDesk();
        var editor = await desk.As(Role.Editor);
        var reviewer = await desk.As(Role.Reviewer);

        // An editor's own verdict waits too, for an editor or admin who is not them.
        var own = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        Assert.Equal(HttpStatusCode.Accepted, (await editor.TransitionFreshAsync(own, new { to = "unverifiable", rationale = "No record." })).StatusCode);
        var self = await editor.PostFreshAsync(own, Decision(own), new { decision = "approve" });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("second person", (await self.ProblemAsync()).GetProperty("detail").GetString());
        await (await desk.Admin.PostFreshAsync(own, Decision(own), new { decision = "approve" })).ShouldBe(HttpStatusCode.OK);

        // verified is proposed on accepted support; the support is rejected before approval: approval is refused.
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        await ReviewFlow.PrepareVerdictAsync(desk, id, "verified");
        Assert.Equal(HttpStatusCode.Accepted, (await reviewer.TransitionFreshAsync(id, new { to = "verified", rationale = "The record says so." })).StatusCode);
        var support = (await desk.Admin.EvidenceOfAsync(id))
            .Single(e => e.GetProperty("externalUrl").ValueKind == JsonValueKind.String);
        await (await editor.PostFreshAsync(id, $"/api/v1/claims/{id}/evidence/{support.Id()}/decision", new { decision = "reject", note = "Wrong year." }))
            .ShouldBe(HttpStatusCode.OK);
        var refused = await editor.PostFreshAsync(id, Decision(id), new { decision = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("acceptedIndependentSupport", (await refused.ProblemAsync()).GetProperty("requirement").GetString());
        Assert.Equal("inReview", (await desk.Admin.GetClaimAsync(id)).Claim.GetProperty("status").GetString());
    }

    private static string Decision(long id) => $"/api/v1/claims/{id}/proposed-verdict/decision";
}
