using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Jobs;
using ClaimDesk.Core.Features.Imports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Core.Features.Maintenance;

public sealed record RecoveredWork(int Claims, int ArticlesToIndex, int ArticlesToSuggest);

/// <summary>
/// The database is the truth: work a job should have done but has not (a job lost with in-memory storage, a crash
/// between commit and enqueue) is found here and queued again. Jobs are idempotent, so queueing twice is harmless.
/// Runs at start-up (StalledFor = zero) and on a schedule.
/// </summary>
public sealed record RecoverStalledWork(TimeSpan StalledFor) : ICommand<RecoveredWork>;

public sealed class RecoverStalledWorkHandler(ClaimDeskDbContext db, TimeProvider clock, IAfterCommit afterCommit, IJobScheduler jobs,
    IMediator mediator, ILogger<RecoverStalledWorkHandler> logger) : ICommandHandler<RecoverStalledWork, RecoveredWork>
{
    private const int Batch = 500;
    private static readonly TimeSpan AbandonedUploadAfter = TimeSpan.FromHours(1);

    public async ValueTask<RecoveredWork> Handle(RecoverStalledWork command, CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - command.StalledFor;
        var claims = await db.Claims.AsNoTracking()
            .Where(c => (c.Status == ClaimStatus.Registered || c.Status == ClaimStatus.Gathering) && c.UpdatedAt <= before)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(Batch).ToListAsync(ct);
        var toIndex = await db.Articles.AsNoTracking()
            .Where(a => a.State == ArticleState.Registered && a.CreatedAt <= before)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(ct);
        var toSuggest = await db.Articles.AsNoTracking()
            .Where(a => (a.State == ArticleState.Registered || a.State == ArticleState.Indexed) && a.SuggestionsComputedAt == null && a.CreatedAt <= before)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(ct);

        var toFetch = await db.Articles.AsNoTracking()
            .Where(a => a.State == ArticleState.PendingFetch && a.CreatedAt <= before)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(ct);

        var deliveries = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Outcome == DeliveryOutcome.Pending && d.NextAttemptAt <= before)
            .OrderBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(ct);

        var imports = await db.Imports.AsNoTracking()
            .Where(i => (i.State == ImportState.Queued || i.State == ImportState.Running) && i.UpdatedAt <= before)
            .OrderBy(i => i.Id).Select(i => i.Id).Take(Batch).ToListAsync(ct);
        // An upload that stopped arriving an hour ago died with its request: nothing of it was processed, and nothing will be.
        var brokenOff = await db.Imports.AsNoTracking()
            .Where(i => i.State == ImportState.Receiving && i.UpdatedAt <= clock.GetUtcNow().UtcDateTime - AbandonedUploadAfter)
            .OrderBy(i => i.Id).Select(i => i.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in brokenOff) await mediator.Send(new AbandonImport(id), ct);

        afterCommit.Add(() =>
        {
            foreach (var id in imports) jobs.ProcessImport(id);
            foreach (var id in deliveries) jobs.DeliverWebhook(id, TimeSpan.Zero);
            foreach (var id in toFetch) jobs.FetchArticle(id);
            foreach (var id in toIndex) jobs.IndexArticle(id);
            foreach (var id in toSuggest) jobs.SuggestClaims(id);
            foreach (var id in claims) jobs.GatherCorroboration(id);
        });
        if (claims.Count + toIndex.Count + toSuggest.Count + imports.Count > 0)
            logger.LogInformation("Recovery sweep re-queued {Claims} claims, {Index} articles to index, {Suggest} articles to suggest, {Imports} imports",
                claims.Count, toIndex.Count, toSuggest.Count, imports.Count);
        return new RecoveredWork(claims.Count, toIndex.Count, toSuggest.Count);
    }
}
