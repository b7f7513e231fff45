using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Integrations;

[Collection(RestartCollection.Name)]
public sealed class OutboxRecoveryTests
{
    [Fact]
    public async Task A_delivery_committed_with_its_change_survives_a_crash_before_it_was_sent()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        var directory = RestartableDesk.NewDirectory();
        long claimId;
        try
        {
            // The process commits the claim (and, in the same write, its delivery) but dies before any job runs.
            await using (var doomed = new RestartableDesk(directory, "api", PrivateNetworkDesk.Settings))
            {
                var created = await (await doomed.Admin.PostAsJsonAsync("/api/v1/webhooks",
                    new { url = receiver.Url("/hook").ToString(), events = new[] { "claim.registered" } })).Content.ReadFromJsonAsync<JsonElement>();
                var subscription = created.GetProperty("subscription").GetProperty("id").GetInt64();
                var story = Stories.Unique();
                var article = await doomed.Admin.RegisterOwnArticleAsync(body: story.Article);
                claimId = (await doomed.Admin.RegisterClaimAsync(article.Id(), story.Claim)).Id();
                var pending = (await doomed.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscription}/deliveries")).GetProperty("items");
                Assert.Equal("pending", pending[0].GetProperty("outcome").GetString());
            }
            Assert.Empty(receiver.Requests);

            // Restarted on the same database: the sweep finds the undelivered delivery and sends it.
            await using var restarted = new RestartableDesk(directory, "all", PrivateNetworkDesk.Settings);
            _ = restarted.Server; // start it
            var received = await receiver.WaitForAsync(r => r.Any(x => x.Body.Contains($"\"claimId\":{claimId}")));
            Assert.Single(received, x => x.Body.Contains($"\"claimId\":{claimId}") && x.Body.Contains("claim.registered"));
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
