namespace ClaimDesk.Core.Jobs;

/// <summary>Queues background work. Jobs take ids, never entities, and every job is safe to run twice.</summary>
public interface IJobScheduler
{
    void IndexArticle(long articleId);
    void GatherCorroboration(long claimId);
    /// <summary>Claims registered together (one group commit): queued as one job that fans out on a worker.</summary>
    void GatherCorroboration(IReadOnlyList<long> claimIds);
    void SuggestClaims(long articleId);
    void MatchArticle(long articleId);
    void FetchArticle(long articleId);
    void PollFeed(long feedId);
    void DeliverWebhook(long deliveryId, TimeSpan delay);
    /// <summary>Processes a bulk import chunk by chunk until it is done (or the process stops; then the recovery sweep re-queues it).</summary>
    void ProcessImport(long importId);
}
