using System.Threading.Channels;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>
/// Group commit for claim registrations. Registering is the desk's busiest write, and SQLite has one writer: sixteen
/// requests each opening a transaction queue on the file lock and pay for a transaction apiece. Instead, requests hand
/// their new claim to this writer and wait; it writes every registration waiting at that moment — claims, their
/// `registered` audit events and the webhook deliveries those raise — in one SaveChanges (one transaction), then
/// queues their corroboration and answers each request with its saved claim. A lone request is written at once, so
/// latency does not grow when the desk is quiet. If a batch fails, its registrations are retried one by one, so one
/// bad row fails only its own request.
/// </summary>
public sealed class ClaimRegistrationWriter(IServiceScopeFactory scopes, ILogger<ClaimRegistrationWriter> logger) : BackgroundService
{
    /// <summary>Enough to absorb a burst of concurrent requests; small enough that one transaction stays short.</summary>
    private const int MaxBatch = 128;

    private readonly Channel<PendingRegistration> _queue =
        Channel.CreateUnbounded<PendingRegistration>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Writes the claim with its audit event; completes once both are committed. The claim comes back with its id.</summary>
    public Task<Claim> WriteAsync(Claim claim, string actor, string auditAfter)
    {
        var pending = new PendingRegistration(claim, actor, auditAfter);
        if (!_queue.Writer.TryWrite(pending))
            throw new InvalidOperationException("The desk is shutting down; the claim was not registered.");
        return pending.Saved.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingRegistration>(MaxBatch);
        // Not stoppingToken: on shutdown the queue is completed and drained, so no accepted registration is dropped.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                logger.LogWarning(e, "A batch of {Count} claim registrations failed; writing them one by one", batch.Count);
                foreach (var pending in batch) await CommitAloneAsync(pending);
            }
            catch (Exception e)
            {
                batch[0].Saved.TrySetException(e);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task CommitAloneAsync(PendingRegistration pending)
    {
        try
        {
            await CommitAsync([pending]);
        }
        catch (Exception e)
        {
            pending.Saved.TrySetException(e);
        }
    }

    private async Task CommitAsync(IReadOnlyList<PendingRegistration> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimDeskDbContext>();
        var afterCommit = scope.ServiceProvider.GetRequiredService<AfterCommitActions>();
        var saved = new List<Claim>(batch.Count);
        foreach (var pending in batch)
        {
            // A fresh entity per attempt: a failed SaveChanges may leave keys on the ones it tried.
            var claim = pending.Fresh();
            db.Claims.Add(claim);
            ClaimAudit.Record(db, claim, pending.Actor, ClaimEventTypes.Registered, claim.CreatedAt, after: pending.AuditAfter);
            saved.Add(claim);
        }
        await db.SaveChangesAsync(CancellationToken.None);

        // Committed: webhook deliveries first (queued by the outbox), then one job that fans out to each claim's
        // corroboration on a worker. A crash before this point is covered by the recovery sweep.
        afterCommit.RunAll();
        scope.ServiceProvider.GetRequiredService<IJobScheduler>().GatherCorroboration(saved.Select(c => c.Id).ToArray());
        for (var i = 0; i < batch.Count; i++) batch[i].Saved.TrySetResult(saved[i]);
    }

    private sealed class PendingRegistration(Claim claim, string actor, string auditAfter)
    {
        public TaskCompletionSource<Claim> Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ICurrentActor Actor { get; } = new NamedActor(actor);
        public string AuditAfter => auditAfter;

        public Claim Fresh() => new()
        {
            ArticleId = claim.ArticleId, Text = claim.Text, QuoteStart = claim.QuoteStart, QuoteEnd = claim.QuoteEnd,
            Claimant = claim.Claimant, Kind = claim.Kind, CheckWorthiness = claim.CheckWorthiness, Status = claim.Status,
            CreatedAt = claim.CreatedAt, UpdatedAt = claim.UpdatedAt, CreatedBy = claim.CreatedBy, Version = claim.Version,
        };
    }

    /// <summary>The requester, captured by name: the writer runs outside the request, where there is no HttpContext.</summary>
    private sealed class NamedActor(string name) : ICurrentActor
    {
        public string Name => name;
        public Role? Role => null;
        public long? ApiKeyId => null;
        public bool IsSystem => false;
    }
}
