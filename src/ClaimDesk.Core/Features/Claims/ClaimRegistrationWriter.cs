using System.Threading.Channels;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Jobs;
using ClaimDesk.Core.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>
/// Group commit for claim registrations. Registering is the desk's busiest write, and SQLite has one writer: sixteen
/// requests each opening a transaction queue on the file lock and pay for a transaction apiece. Instead, requests hand
/// their new claim to this writer and wait; it writes every registration waiting at that moment — claims, their
/// `registered` audit events and the webhook deliveries those raise — in one transaction, with prepared INSERTs
/// generated from the EF model (<see cref="RowInserter{TEntity}"/>), then queues their corroboration and answers each
/// request with its saved claim. A lone request is written at once, so latency does not grow when the desk is quiet.
/// If a batch fails, its registrations are retried one by one, so one bad row fails only its own request.
/// </summary>
public sealed class ClaimRegistrationWriter(IServiceScopeFactory scopes, ILogger<ClaimRegistrationWriter> logger) : BackgroundService
{
    /// <summary>Enough to absorb a burst of concurrent requests; small enough that one transaction stays short.</summary>
    private const int MaxBatch = 128;

    private readonly Channel<PendingRegistration> _queue =
        Channel.CreateUnbounded<PendingRegistration>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Built from the model on the first batch; the provider and model do not change while the process runs.</summary>
    private RegistrationInserters? _inserters;

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
        var rows = _inserters ??= new RegistrationInserters(db);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.DisabledAt == null).ToListAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var claimIds = new long[batch.Count];
        var deliveryIds = new List<long>();

        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var connection = db.Database.GetDbConnection();
            await using var insertClaim = rows.Claims.CreateCommand(connection, transaction.GetDbTransaction());
            await using var insertEvent = rows.Events.CreateCommand(connection, transaction.GetDbTransaction());
            await using var insertDelivery = rows.Deliveries.CreateCommand(connection, transaction.GetDbTransaction());
            for (var i = 0; i < batch.Count; i++)
            {
                var pending = batch[i];
                claimIds[i] = await rows.Claims.InsertAsync(insertClaim, pending.Claim, CancellationToken.None);
                var registered = new ClaimEvent
                {
                    ClaimId = claimIds[i], At = pending.Claim.CreatedAt, Actor = pending.Actor, Type = ClaimEventTypes.Registered,
                    After = pending.AuditAfter,
                };
                registered.Id = await rows.Events.InsertAsync(insertEvent, registered, CancellationToken.None);
                // The outbox, as SaveChanges would write it: deliveries in the same transaction as the event they report.
                foreach (var delivery in WebhookOutbox.DeliveriesFor([registered], subscriptions, now))
                    deliveryIds.Add(await rows.Deliveries.InsertAsync(insertDelivery, delivery, CancellationToken.None));
            }
            await transaction.CommitAsync();
        }

        // Committed: webhook deliveries first, then one job that fans out to each claim's corroboration on a worker.
        // A crash before this point is covered by the recovery sweep.
        var jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
        foreach (var deliveryId in deliveryIds) jobs.DeliverWebhook(deliveryId, TimeSpan.Zero);
        jobs.GatherCorroboration(claimIds);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Claim.Id = claimIds[i];
            batch[i].Saved.TrySetResult(batch[i].Claim);
        }
    }

    private sealed class RegistrationInserters(ClaimDeskDbContext db)
    {
        public RowInserter<Claim> Claims { get; } = new(db);
        public RowInserter<ClaimEvent> Events { get; } = new(db);
        public RowInserter<WebhookDelivery> Deliveries { get; } = new(db);
    }

    private sealed class PendingRegistration(Claim claim, string actor, string auditAfter)
    {
        public TaskCompletionSource<Claim> Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        /// <summary>Not tracked by any DbContext: its values are sent as they are, and it gets its key once committed.</summary>
        public Claim Claim => claim;
        public string Actor => actor;
        public string AuditAfter => auditAfter;
    }
}
