using ClaimDesk.Core.Features.Articles;
using ClaimDesk.Core.Features.Corroboration;
using ClaimDesk.Core.Features.Feeds;
using ClaimDesk.Core.Features.Maintenance;
using ClaimDesk.Core.Features.Suggestions;
using ClaimDesk.Core.Features.Webhooks;
using ClaimDesk.Core.Features.Imports;
using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimDesk.Core.Jobs;

/// <summary>
/// The Hangfire entry points. Thin on purpose: each takes ids and sends one command per unit of work;
/// the work lives in the handlers, which are tested without Hangfire.
/// </summary>
public sealed class ClaimDeskJobs(IMediator mediator, IJobScheduler jobs, IServiceScopeFactory scopes)
{
    /// <summary>
    /// Imports have a queue of their own, which workers take first: an import does not wait behind the thousands of
    /// analysis jobs the previous one queued, and a deployment can give imports a worker of their own.
    /// </summary>
    public const string ImportQueue = "imports";
    public const string DefaultQueues = ImportQueue + ",default";

    /// <summary>
    /// The fan-out for a group commit: one enqueue on the API node for a batch of claims, one job per claim here, so
    /// each claim's corroboration still retries on its own.
    /// </summary>
    public void QueueCorroboration(long[] claimIds)
    {
        foreach (var claimId in claimIds) jobs.GatherCorroboration(claimId);
    }

    public async Task IndexArticle(long articleId, CancellationToken ct) =>
        await mediator.Send(new IndexArticle(articleId), ct);

    public async Task MatchArticle(long articleId, CancellationToken ct) =>
        await mediator.Send(new MatchArticle(articleId), ct);

    public async Task FetchArticle(long articleId, CancellationToken ct) =>
        await mediator.Send(new FetchArticle(articleId), ct);

    public async Task DeliverWebhook(long deliveryId, CancellationToken ct) =>
        await mediator.Send(new DeliverWebhook(deliveryId), ct);

    public async Task PollFeed(long feedId, CancellationToken ct) =>
        await mediator.Send(new PollFeed(feedId), ct);

    public async Task PollFeeds(CancellationToken ct) =>
        await mediator.Send(new PollAllFeeds(), ct);

    public async Task SuggestClaims(long articleId, CancellationToken ct) =>
        await mediator.Send(new SuggestClaims(articleId), ct);

    /// <summary>
    /// One scope — one DbContext, one transaction — per chunk: a crash loses at most the chunk in progress, which rolls
    /// back whole and is done again by whoever takes the import next.
    /// </summary>
    [Queue(ImportQueue)]
    public async Task ProcessImport(long importId, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ProcessImportChunk(importId), ct)) return;
        }
    }

    public async Task RecoverStalledWork(CancellationToken ct) =>
        await mediator.Send(new RecoverStalledWork(StalledFor: TimeSpan.FromMinutes(2)), ct);

    public async Task GatherCorroboration(long claimId, CancellationToken ct)
    {
        // Two commits on purpose: "gathering" is visible (and found by the recovery sweep) while the work runs.
        if (await mediator.Send(new StartGathering(claimId), ct))
            await mediator.Send(new GatherCorroboration(claimId), ct);
    }
}
