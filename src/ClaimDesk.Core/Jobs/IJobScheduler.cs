namespace ClaimDesk.Core.Jobs;

/// <summary>Queues background work. Jobs take ids, never entities, and every job is safe to run twice.</summary>
public interface IJobScheduler
{
    void IndexArticle(long articleId);
    void GatherCorroboration(long claimId);
    void SuggestClaims(long articleId);
    void MatchArticle(long articleId);
    void FetchArticle(long articleId);
    void PollFeed(long feedId);
    void DeliverWebhook(long deliveryId, TimeSpan delay);
}
