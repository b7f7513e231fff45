using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Integrations;

/// <summary>
/// One deadline covers every outbound exchange, body included: a server that answers its headers at once and then
/// sends its body a byte at a time cannot hold a job worker past ClaimDesk:Outbound:TimeoutSeconds (3 s on this desk).
/// The bound itself is what is under test here, so it is asserted: deadline + 1 s, measured from the moment the request
/// reached the server.
/// </summary>
[Collection(PrivateNetworkCollection.Name)]
public sealed class OutboundDeadlineTests(PrivateNetworkDesk desk)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Bound = Deadline + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Pages_that_drip_their_body_cannot_hold_the_workers_past_the_deadline()
    {
        // The attack held both workers with two such URLs; both are cut off, and both articles say why.
        await using var server = new DrippingServer();
        var ids = new List<long>();
        foreach (var path in new[] { "/drip/one", "/drip/two" })
        {
            var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { url = server.Url($"{path}-{Guid.NewGuid():N}").ToString() });
            await response.ShouldBe(HttpStatusCode.Accepted);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).Id());
        }

        // Both are watched at once: each failure is timed from when its own request reached the server.
        var recorded = await Task.WhenAll(ids.Select(async id =>
        {
            var article = await Eventually.ReadUntilAsync(() => desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}"),
                a => a.GetProperty("state").GetString() != "pendingFetch");
            return (Article: article, At: Stopwatch.GetTimestamp());
        }));

        foreach (var (article, at) in recorded)
        {
            var path = new Uri(article.GetProperty("url").GetString()!).AbsolutePath;
            var exchange = await Eventually.ReadUntilAsync(() => Task.FromResult(server.Exchanges.FirstOrDefault(e => e.Path == path)),
                e => e?.HungUpAfter is not null, seconds: 10);
            Assert.NotNull(exchange);
            var recordedAfter = Stopwatch.GetElapsedTime(exchange.ArrivedAt, at);

            Assert.Equal("fetchFailed", article.GetProperty("state").GetString());
            Assert.Equal("the server did not answer within 3 s", article.GetProperty("failureReason").GetString());
            Assert.True(exchange.HungUpAfter < Bound, $"the desk kept reading for {exchange.HungUpAfter?.TotalSeconds:0.0} s");
            Assert.True(recordedAfter < Bound, $"the failure was recorded {recordedAfter.TotalSeconds:0.0} s after the request");
        }
    }

    [Fact]
    public async Task A_webhook_receiver_that_drips_its_answer_is_cut_off_and_the_attempt_logged_as_timed_out()
    {
        await using var server = new DrippingServer();
        var subscribed = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = server.Url("/hook").ToString(), events = new[] { "claim.registered" } });
        await subscribed.ShouldBe(HttpStatusCode.Created);
        var subscription = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").Id();
        try
        {
            var story = Stories.Unique();
            await desk.Admin.RegisterClaimAsync((await desk.Admin.RegisterOwnArticleAsync(body: story.Article)).Id(), story.Claim);

            var attempts = await Eventually.ReadUntilAsync(
                async () => (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscription}/deliveries")).GetProperty("items").EnumerateArray()
                    .SelectMany(d => d.GetProperty("attemptLog").EnumerateArray()).ToList(),
                attempts => attempts.Count > 0);
            var loggedAt = Stopwatch.GetTimestamp();
            Assert.True(attempts.Count > 0, "no attempt was logged within 30 s");
            var attempt = attempts[0];
            var exchange = await Eventually.ReadUntilAsync(() => Task.FromResult(server.Exchanges.FirstOrDefault()), e => e?.HungUpAfter is not null, seconds: 10);
            Assert.NotNull(exchange);
            var loggedAfter = Stopwatch.GetElapsedTime(exchange.ArrivedAt, loggedAt);

            Assert.Equal("the server did not answer within 3 s", attempt.GetProperty("result").GetString());
            Assert.True(attempt.GetProperty("durationMs").GetDouble() < Bound.TotalMilliseconds, attempt.ToString());
            Assert.True(exchange.HungUpAfter < Bound, $"the desk kept reading for {exchange.HungUpAfter?.TotalSeconds:0.0} s");
            Assert.True(loggedAfter < Bound, $"the attempt was logged {loggedAfter.TotalSeconds:0.0} s after the request");
        }
        finally
        {
            await desk.Admin.DeleteAsync($"/api/v1/webhooks/{subscription}");
        }
    }
}
