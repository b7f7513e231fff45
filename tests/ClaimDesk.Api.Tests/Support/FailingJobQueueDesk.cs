using ClaimDesk.Core.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// A desk (allowed to reach local receivers) whose job queue can be switched to fail: while <see cref="QueueFails"/> is
/// set, every enqueue throws, as Hangfire's does when its storage is down. Work already queued still runs.
/// </summary>
public sealed class FailingJobQueueDesk : ClaimDeskApiFactory
{
    public bool QueueFails { get; set; }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => PrivateNetworkDesk.Settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IJobScheduler>(sp =>
            new SwitchedJobScheduler(ActivatorUtilities.CreateInstance<HangfireJobScheduler>(sp), this)));
    }

    private sealed class SwitchedJobScheduler(IJobScheduler queue, FailingJobQueueDesk desk) : IJobScheduler
    {
        private IJobScheduler Queue => desk.QueueFails ? throw new InvalidOperationException("The job storage is unreachable (test fault).") : queue;

        public void IndexArticle(long articleId) => Queue.IndexArticle(articleId);
        public void GatherCorroboration(long claimId) => Queue.GatherCorroboration(claimId);
        public void GatherCorroboration(IReadOnlyList<long> claimIds) => Queue.GatherCorroboration(claimIds);
        public void SuggestClaims(long articleId) => Queue.SuggestClaims(articleId);
        public void MatchArticle(long articleId) => Queue.MatchArticle(articleId);
        public void FetchArticle(long articleId) => Queue.FetchArticle(articleId);
        public void PollFeed(long feedId) => Queue.PollFeed(feedId);
        public void DeliverWebhook(long deliveryId, TimeSpan delay) => Queue.DeliverWebhook(deliveryId, delay);
        public void ProcessImport(long importId) => Queue.ProcessImport(importId);
    }
}
