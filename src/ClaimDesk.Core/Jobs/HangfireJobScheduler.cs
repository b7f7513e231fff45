using Hangfire;

namespace ClaimDesk.Core.Jobs;

public sealed class HangfireJobScheduler(IBackgroundJobClient client) : IJobScheduler
{
    public void IndexArticle(long articleId) => client.Enqueue<ClaimDeskJobs>(j => j.IndexArticle(articleId, CancellationToken.None));

    public void GatherCorroboration(long claimId) => client.Enqueue<ClaimDeskJobs>(j => j.GatherCorroboration(claimId, CancellationToken.None));

    public void GatherCorroboration(IReadOnlyList<long> claimIds)
    {
        if (claimIds.Count == 1) GatherCorroboration(claimIds[0]);
        else if (claimIds.Count > 1)
        {
            var ids = claimIds.ToArray();
            client.Enqueue<ClaimDeskJobs>(j => j.QueueCorroboration(ids));
        }
    }

    public void MatchArticle(long articleId) => client.Enqueue<ClaimDeskJobs>(j => j.MatchArticle(articleId, CancellationToken.None));

    public void FetchArticle(long articleId) => client.Enqueue<ClaimDeskJobs>(j => j.FetchArticle(articleId, CancellationToken.None));

    public void DeliverWebhook(long deliveryId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero) client.Enqueue<ClaimDeskJobs>(j => j.DeliverWebhook(deliveryId, CancellationToken.None));
        else client.Schedule<ClaimDeskJobs>(j => j.DeliverWebhook(deliveryId, CancellationToken.None), delay);
    }

    public void PollFeed(long feedId) => client.Enqueue<ClaimDeskJobs>(j => j.PollFeed(feedId, CancellationToken.None));

    public void ProcessImport(long importId) => client.Enqueue<ClaimDeskJobs>(j => j.ProcessImport(importId, CancellationToken.None));

    public void SuggestClaims(long articleId) => client.Enqueue<ClaimDeskJobs>(j => j.SuggestClaims(articleId, CancellationToken.None));
}
