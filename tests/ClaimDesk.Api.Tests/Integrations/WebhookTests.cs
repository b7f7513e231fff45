using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using StandardWebhooks;

namespace ClaimDesk.Api.Tests.Integrations;

[Collection(PrivateNetworkCollection.Name)]
public sealed class WebhookTests(PrivateNetworkDesk desk)
{
    private async Task<(long Id, string Secret)> SubscribeAsync(LocalReceiver receiver, params string[] events)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url("/hook").ToString(), events, description = "test" });
        await response.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("subscription").GetProperty("id").GetInt64(), created.GetProperty("secret").GetString()!);
    }

    private Task<List<JsonElement>> DeliveriesAsync(long subscriptionId, Func<List<JsonElement>, bool> until) =>
        Eventually.ReadUntilAsync(async () => (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscriptionId}/deliveries")).GetProperty("items").EnumerateArray().ToList(), until);

    [Fact]
    public async Task Deliveries_are_signed_so_an_independent_standard_webhooks_library_verifies_them()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        var (_, secret) = await SubscribeAsync(receiver, "claim.registered", "claim.status_changed", "claim.verdict_published");
        Assert.StartsWith("whsec_", secret);

        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        await (await desk.Admin.TransitionFreshAsync(claim.Id(), new { to = "inReview" })).ShouldBe(HttpStatusCode.OK);
        await (await desk.Admin.TransitionFreshAsync(claim.Id(), new { to = "unverifiable", rationale = "No record either way." })).ShouldBe(HttpStatusCode.OK);

        var received = await receiver.WaitForAsync(r => r.Count(x => x.Body.Contains($"\"claimId\":{claim.Id()}")) >= 6);
        var mine = received.Where(r => r.Body.Contains($"\"claimId\":{claim.Id()}")).ToList();
        var verifier = new StandardWebhook(secret);
        foreach (var request in mine) verifier.Verify(request.Body, request.Headers); // throws if a signature is wrong

        var types = mine.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()).ToList();
        Assert.Contains("claim.registered", types);
        Assert.Contains("claim.verdict_published", types);
        Assert.True(types.Count(t => t == "claim.status_changed") >= 4);

        // A tampered body or another secret does not verify.
        Assert.ThrowsAny<Exception>(() => verifier.Verify(mine[0].Body.Replace("claim", "claym"), mine[0].Headers));
        Assert.ThrowsAny<Exception>(() => new StandardWebhook("whsec_" + Convert.ToBase64String(new byte[32])).Verify(mine[0].Body, mine[0].Headers));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_and_every_attempt_is_logged()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        receiver.Answer(500, 503);
        var (subscription, _) = await SubscribeAsync(receiver, "claim.registered");

        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);

        var deliveries = await DeliveriesAsync(subscription, d => d.Any(x => x.GetProperty("outcome").GetString() == "delivered"));
        var delivery = Assert.Single(deliveries);
        Assert.True("delivered" == delivery.GetProperty("outcome").GetString(), delivery.ToString());
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        var codes = delivery.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()).ToList();
        Assert.Equal([500, 503, 200], codes);
        // Every attempt carried the same message id and body.
        var hooks = receiver.Requests.Where(r => r.Path == "/hook").ToList();
        Assert.Single(hooks.Select(h => h.Headers["webhook-id"].ToString()).Distinct());
        Assert.Single(hooks.Select(h => h.Body).Distinct());
    }

    [Fact]
    public async Task A_410_gone_disables_the_subscription()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        receiver.Answer(410);
        var (subscription, _) = await SubscribeAsync(receiver, "claim.registered");
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);

        var deliveries = await DeliveriesAsync(subscription, d => d.Any(x => x.GetProperty("outcome").GetString() == "failed"));
        Assert.Equal("failed", Assert.Single(deliveries).GetProperty("outcome").GetString());
        var listed = (await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).GetProperty("items").EnumerateArray().Single(s => s.Id() == subscription);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("disabledAt").ValueKind);
        Assert.Contains("410", listed.GetProperty("disabledReason").GetString());

        // Nothing more is sent to it. A live subscription gets the next claim; the outbox writes that claim's deliveries
        // for every subscription in the same transaction, so once the live one's has arrived the disabled one's would exist.
        await using var witness = await LocalReceiver.StartAsync();
        var (witnessSubscription, _) = await SubscribeAsync(witness, "claim.registered");
        var before = receiver.Requests.Count;
        var next = Stories.Unique();
        var nextClaim = await desk.Admin.RegisterClaimAsync((await desk.Admin.RegisterOwnArticleAsync(body: next.Article)).Id(), next.Claim);
        await Eventually.SignalAsync(() => Task.FromResult(witness.Requests.ToList()),
            r => r.Any(x => x.Body.Contains($"\"claimId\":{nextClaim.Id()}")), "the next claim's delivery to a live subscription");
        Assert.Single((await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscription}/deliveries")).GetProperty("items").EnumerateArray());
        Assert.Equal(before, receiver.Requests.Count);
        await (await desk.Admin.DeleteAsync($"/api/v1/webhooks/{witnessSubscription}")).ShouldBe(HttpStatusCode.NoContent, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Secrets_never_reach_the_logs()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        var (_, secret) = await SubscribeAsync(receiver, "claim.registered");
        var apiKey = await desk.IssueKeyAsync("log-check-" + Guid.NewGuid().ToString("N")[..6], ClaimDesk.Core.Domain.Role.Integration);
        using var tool = desk.ClientWithKey(apiKey);
        var story = Stories.Unique();
        var article = await tool.RegisterOwnArticleAsync(body: story.Article);
        await tool.RegisterClaimAsync(article.Id(), story.Claim);
        await Eventually.SignalAsync(() => Task.FromResult(receiver.Requests.ToList()), r => r.Any(x => x.Body.Contains(story.Claim[..20])),
            "the delivery signed with the secret");

        var logs = string.Join('\n', desk.Logs);
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(secret, logs);
        Assert.DoesNotContain(secret["whsec_".Length..], logs);
        Assert.DoesNotContain(apiKey, logs);
        Assert.DoesNotContain(ClaimDeskApiFactory.AdminKey, logs);
    }
}
