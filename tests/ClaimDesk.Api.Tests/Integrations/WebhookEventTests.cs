using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using StandardWebhooks;

namespace ClaimDesk.Api.Tests.Integrations;

/// <summary>
/// What an editorial tool receives for one claim's life: one evidence_added per gathering listing every item with the ids
/// it acts on, sequence numbers that put the deliveries back in the claim's order, the verdict with its rationale and
/// public ClaimReview link, and verdict_withdrawn when an editor reopens it; ping and redeliver, signed like the rest.
/// </summary>
[Collection(PrivateNetworkCollection.Name)]
public sealed class WebhookEventTests(PrivateNetworkDesk desk)
{
    private static readonly string[] AllEvents =
        ["claim.registered", "claim.evidence_added", "claim.status_changed", "claim.verdict_published", "claim.verdict_withdrawn"];

    private async Task<(long Id, string Secret, string Location)> SubscribeAsync(LocalReceiver receiver, params string[] events)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url("/hook").ToString(), events, description = "events test" });
        await response.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("subscription").GetProperty("id").GetInt64(), created.GetProperty("secret").GetString()!, response.Headers.Location!.ToString());
    }

    private static JsonElement Parse(LocalReceiver.Received r) => JsonDocument.Parse(r.Body).RootElement;

    private static List<JsonElement> Of(IEnumerable<LocalReceiver.Received> received, long claimId) =>
        received.Select(Parse).Where(b => b.GetProperty("data").TryGetProperty("claimId", out var id) && id.GetInt64() == claimId).ToList();

    [Fact]
    public async Task A_claims_life_arrives_as_one_evidence_added_per_gathering_in_sequence_order_ending_with_verdict_withdrawn()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        var (subscription, secret, location) = await SubscribeAsync(receiver, AllEvents);

        // The Location of the new subscription answers.
        var got = await desk.Admin.GetAsync(location);
        await got.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(subscription, (await got.Content.ReadFromJsonAsync<JsonElement>()).Id());

        // Three outlets report the opening before the claim exists, so its one gathering run finds them all.
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (person, place) = ($"Mayor Ilse Varga-{tag}", $"Brenhaven-{tag}");
        var source = await desk.Admin.RegisterArticleAsync("Footbridge opens", $"{person} opened the new footbridge over the river at {place} on 9 June. " +
            "Hundreds crossed it in the first hour.", $"River Gazette {tag}", new DateOnly(2025, 6, 10));
        var reports = new List<long>();
        string[] openings =
        [
            "{0} opened the new footbridge over the river at {1} on 9 June, the town said.",
            "The footbridge over the river at {1} was opened by {0} on 9 June.",
            "On 9 June {0} opened a new footbridge across the river at {1}, officials confirmed.",
        ];
        for (var i = 0; i < openings.Length; i++)
            reports.Add((await desk.Admin.RegisterArticleAsync($"Footbridge report {i + 1}", string.Format(openings[i], person, place) +
                " Cyclists must still walk across it.", $"Valley Outlet {i + 1} {tag}", new DateOnly(2025, 6, 10))).Id());
        await Eventually.SignalAsync(async () =>
        {
            var states = await Task.WhenAll(reports.Select(async id => (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}")).GetProperty("state").GetString()));
            return states.All(s => s == "indexed");
        }, all => all, "the reports being indexed", seconds: 90);

        var claim = await desk.Admin.RegisterClaimAsync(source.Id(), $"{person} opened the new footbridge over the river at {place} on 9 June");
        var id = claim.Id();
        await desk.Admin.WaitForStatusAsync(id, "needsReview", seconds: 90);
        var evidence = await desk.Admin.EvidenceOfAsync(id);
        Assert.True(evidence.Count >= 2, $"the gathering found {evidence.Count} related reports");

        await (await desk.Admin.TransitionFreshAsync(id, new { to = "inReview" })).ShouldBe(HttpStatusCode.OK);
        const string rationale = "The town's own notice confirms the date; the reports agree.";
        await (await desk.Admin.TransitionFreshAsync(id, new { to = "unverifiable", rationale })).ShouldBe(HttpStatusCode.OK);
        await (await desk.Admin.TransitionFreshAsync(id, new { to = "inReview", rationale = "The notice was corrected." })).ShouldBe(HttpStatusCode.OK);

        var received = await receiver.WaitForAsync(r => Of(r, id).Any(b => b.GetProperty("type").GetString() == "claim.verdict_withdrawn"), seconds: 60);
        var verifier = new StandardWebhook(secret);
        foreach (var request in received) verifier.Verify(request.Body, request.Headers);
        var mine = Of(received, id);

        // One evidence_added for the gathering, listing every item with what a tool needs to act on it.
        var added = Assert.Single(mine, b => b.GetProperty("type").GetString() == "claim.evidence_added").GetProperty("data");
        Assert.Equal("gathering", added.GetProperty("origin").GetString());
        var items = added.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(evidence.Select(e => e.Id()).Order(), items.Select(i => i.GetProperty("evidenceId").GetInt64()).Order());
        foreach (var item in items)
        {
            var evidenceId = item.GetProperty("evidenceId").GetInt64();
            Assert.Equal($"{ClaimDeskApiFactory.ApiUrl}/api/v1/claims/{id}/evidence/{evidenceId}/decision", item.GetProperty("decisionUrl").GetString());
            Assert.True(item.GetProperty("outlet").GetProperty("id").GetInt64() > 0);
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("article").GetProperty("title").GetString()));
        }
        // The desk is shared with other tests, whose stories (a stone bridge, a ferry terminal) the gathering may also
        // judge related: ask that every item of ours is there and named, not that nothing else is.
        var ours = items.Where(i => reports.Contains(i.GetProperty("article").GetProperty("id").GetInt64())).ToList();
        Assert.True(ours.Count >= 2, $"the webhook listed {ours.Count} of the three reports");
        foreach (var item in ours)
        {
            Assert.StartsWith("Footbridge report", item.GetProperty("article").GetProperty("title").GetString());
            Assert.StartsWith("Valley Outlet", item.GetProperty("outlet").GetProperty("name").GetString());
        }

        // Sequence numbers: one per audit event, in the claim's order, the same as its history's.
        var history = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/history?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, history.Count).Select(n => (long)n), history.Select(e => e.GetProperty("sequence").GetInt64()));
        var sequenceOfEvent = history.ToDictionary(e => e.Id(), e => e.GetProperty("sequence").GetInt64());
        foreach (var body in mine)
            Assert.Equal(sequenceOfEvent[body.GetProperty("data").GetProperty("eventId").GetInt64()], body.GetProperty("data").GetProperty("sequence").GetInt64());
        var inOrder = mine.OrderBy(b => b.GetProperty("data").GetProperty("sequence").GetInt64()).ThenBy(b => b.GetProperty("type").GetString() == "claim.verdict_published")
            .Select(b => b.GetProperty("type").GetString()).ToList();
        Assert.Equal(
            ["claim.registered", "claim.status_changed", "claim.evidence_added", "claim.status_changed", "claim.status_changed",
             "claim.status_changed", "claim.verdict_published", "claim.status_changed", "claim.verdict_withdrawn"], inOrder);

        // The verdict: what it is, why, and its public ClaimReview, as absolute links from the desk's settings.
        var published = Assert.Single(mine, b => b.GetProperty("type").GetString() == "claim.verdict_published").GetProperty("data");
        Assert.Equal("unverifiable", published.GetProperty("verdict").GetString());
        Assert.Equal(rationale, published.GetProperty("rationale").GetString());
        Assert.Equal($"{ClaimDeskApiFactory.DeskUrl}/claims/{id}", published.GetProperty("claimReviewUrl").GetString());
        Assert.Equal($"{ClaimDeskApiFactory.ApiUrl}/api/v1/claims/{id}", published.GetProperty("claimUrl").GetString());

        var withdrawn = Assert.Single(mine, b => b.GetProperty("type").GetString() == "claim.verdict_withdrawn").GetProperty("data");
        Assert.Equal("unverifiable", withdrawn.GetProperty("verdict").GetString());
        Assert.Equal("The notice was corrected.", withdrawn.GetProperty("reason").GetString());
        Assert.True(withdrawn.GetProperty("sequence").GetInt64() > published.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Ping_and_redeliver_send_signed_messages_whose_location_answers()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        var (subscription, secret, _) = await SubscribeAsync(receiver, "claim.registered");
        var verifier = new StandardWebhook(secret);

        var ping = await desk.Admin.PostAsync($"/api/v1/webhooks/{subscription}/ping", null);
        await ping.ShouldBe(HttpStatusCode.Accepted);
        var pinged = await receiver.WaitForAsync(r => r.Any(x => x.Body.Contains("\"webhook.ping\"")));
        var pingRequest = pinged.Single(x => x.Body.Contains("\"webhook.ping\""));
        verifier.Verify(pingRequest.Body, pingRequest.Headers);
        Assert.Equal(subscription, Parse(pingRequest).GetProperty("data").GetProperty("subscriptionId").GetInt64());
        var pingDelivery = await Eventually.ReadUntilAsync(
            async () => await desk.Admin.GetFromJsonAsync<JsonElement>(ping.Headers.Location!.ToString()),
            d => d.GetProperty("outcome").GetString() == "delivered");
        Assert.Equal("webhook.ping", pingDelivery.GetProperty("eventType").GetString());
        Assert.Equal(pingRequest.Headers["webhook-id"].ToString(), pingDelivery.GetProperty("messageId").GetString());

        var story = Stories.Unique();
        var claim = await desk.Admin.RegisterClaimAsync((await desk.Admin.RegisterOwnArticleAsync(body: story.Article)).Id(), story.Claim);
        var first = (await receiver.WaitForAsync(r => r.Any(x => x.Body.Contains($"\"claimId\":{claim.Id()}")))).Single(x => x.Body.Contains($"\"claimId\":{claim.Id()}"));
        var deliveries = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscription}/deliveries")).GetProperty("items").EnumerateArray().ToList();
        var original = deliveries.Single(d => d.GetProperty("claimId").ValueKind == JsonValueKind.Number && d.GetProperty("claimId").GetInt64() == claim.Id());

        var again = await desk.Admin.PostAsync($"/api/v1/webhooks/{subscription}/deliveries/{original.Id()}/redeliver", null);
        await again.ShouldBe(HttpStatusCode.Accepted);
        var resent = await receiver.WaitForAsync(r => r.Count(x => x.Body.Contains($"\"claimId\":{claim.Id()}")) == 2);
        var second = resent.Where(x => x.Body.Contains($"\"claimId\":{claim.Id()}")).Last();
        verifier.Verify(second.Body, second.Headers);
        // The same event, a new message.
        Assert.Equal(first.Body, second.Body);
        Assert.NotEqual(first.Headers["webhook-id"].ToString(), second.Headers["webhook-id"].ToString());
        var redelivery = await desk.Admin.GetFromJsonAsync<JsonElement>(again.Headers.Location!.ToString());
        Assert.Equal(original.Id(), redelivery.GetProperty("redeliveryOf").GetInt64());
        Assert.Equal(original.GetProperty("sequence").GetInt64(), redelivery.GetProperty("sequence").GetInt64());

        // A stopped subscription is neither pinged nor sent to again; an unknown delivery is a 404.
        await (await desk.Admin.PostAsync($"/api/v1/webhooks/{subscription}/deliveries/999999999/redeliver", null)).ShouldBe(HttpStatusCode.NotFound);
        await (await desk.Admin.DeleteAsync($"/api/v1/webhooks/{subscription}")).ShouldBe(HttpStatusCode.OK);
        await (await desk.Admin.PostAsync($"/api/v1/webhooks/{subscription}/ping", null)).ShouldBe(HttpStatusCode.Conflict);
        await (await desk.Admin.GetAsync($"/api/v1/webhooks/999999999")).ShouldBe(HttpStatusCode.NotFound);
    }
}
