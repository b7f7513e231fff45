using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Features.Maintenance;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimDesk.Api.Tests.Durability;

[Collection(RestartCollection.Name)]
public sealed class WorkAfterCommitTests
{
    [Fact]
    public async Task Registrations_committed_while_the_job_queue_is_down_are_answered_201_once_each_and_their_work_is_queued_by_the_sweep()
    {
        await using var desk = new FailingJobQueueDesk();
        await using var receiver = await LocalReceiver.StartAsync();
        var admin = desk.Admin;
        await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url("/hook").ToString(), events = new[] { "claim.registered" } }))
            .ShouldBe(HttpStatusCode.Created);
        var article = await admin.RegisterOwnArticleAsync();
        var token = "harbour-" + Guid.NewGuid().ToString("N")[..10];

        // The queue fails after every commit: webhooks to send, corroboration to start.
        desk.QueueFails = true;
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            admin.PostAsJsonAsync("/api/v1/claims", new { articleId = article.Id(), text = $"The harbour board approved motion {i} ({token})." })));
        desk.QueueFails = false;

        foreach (var response in responses) await response.ShouldBe(HttpStatusCode.Created);
        var ids = new List<long>();
        foreach (var response in responses) ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).Id());
        Assert.Equal(24, ids.Distinct().Count());
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?q={token}&pageSize=100");
        Assert.Equal(24, stored.GetProperty("total").GetInt32());
        Assert.Equal(ids.Order(), stored.GetProperty("items").EnumerateArray().Select(c => c.Id()).Order());

        // The queue is back; the sweep finds what the commits could not queue and the jobs do it.
        await using (var scope = desk.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecoverStalledWork(TimeSpan.Zero));
        foreach (var id in ids) await admin.WaitForStatusAsync(id, "needsReview");
        var received = await receiver.WaitForAsync(r => ids.All(id => r.Any(x => x.Body.Contains($"\"claimId\":{id},"))));
        Assert.All(ids, id => Assert.Contains(received, x => x.Body.Contains($"\"claimId\":{id},") && x.Body.Contains("claim.registered")));
    }
}
