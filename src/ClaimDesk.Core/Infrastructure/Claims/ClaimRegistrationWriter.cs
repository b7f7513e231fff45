using System.Threading.Channels;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Infrastructure.Events;
using ClaimDesk.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Core.Infrastructure.Claims;

/// <summary>
/// Group commit for claim registrations. Registering is the desk's busiest write, and SQLite has one writer: sixteen
/// requests each opening a transaction queue on the file lock and pay for a transaction apiece. Instead, requests hand
/// their new claim to this writer and wait; it writes every registration waiting at that moment — claims, their
/// `registered` audit events and the webhook deliveries those raise, both made by <see cref="ClaimEventLog"/> as the unit
/// of work's SaveChanges makes them — in one transaction, with prepared INSERTs
/// generated from the EF model (<see cref="RowInserter{TEntity}"/>), then answers each request with its saved claim and
/// hands the claims to <see cref="CorroborationRequests"/>. A request sent with an Idempotency-Key has its answer rendered
/// and stored in the same transaction (<see cref="DueAnswer"/>), so a retry after the commit replays it. A lone request is
/// written at once, so latency does not grow when the desk is quiet. If a batch fails to commit, its registrations are
/// retried one by one, so one bad row fails only its own request; once a batch has committed, nothing that follows
/// (answering, queueing webhooks) can fail it or write it again.
/// </summary>
public sealed class ClaimRegistrationWriter(
    IServiceScopeFactory scopes, CorroborationRequests corroboration, ILogger<ClaimRegistrationWriter> logger) : BackgroundService
{
    /// <summary>Enough to absorb a burst of concurrent requests; small enough that one transaction stays short.</summary>
    private const int MaxBatch = 128;

    private readonly Channel<PendingRegistration> _queue =
        Channel.CreateUnbounded<PendingRegistration>(new UnboundedChannelOptions { SingleReader = true });

    private WriterSession? _session;

    /// <summary>
    /// Writes the claim with its audit event (made by <see cref="ClaimEventLog.EventFor"/>, numbered 1) (and, when <paramref name="answer"/> is due, the request's idempotent answer);
    /// completes once they are committed. The claim comes back with its id.
    /// </summary>
    public Task<Claim> WriteAsync(Claim claim, ClaimEvent registered, DueAnswer? answer = null)
    {
        var pending = new PendingRegistration(claim, registered, answer);
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
                await CommitAndAnswerAsync(batch);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                logger.LogWarning(e, "A batch of {Count} claim registrations failed to commit; writing them one by one", batch.Count);
                foreach (var pending in batch) await CommitAloneAsync(pending);
            }
            catch (Exception e)
            {
                batch[0].Saved.TrySetException(e);
            }
        }
        if (_session is not null) await _session.DisposeAsync();
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
            await CommitAndAnswerAsync([pending]);
        }
        catch (Exception e)
        {
            pending.Saved.TrySetException(e);
        }
    }

    /// <summary>Commits the batch and answers it; throws only when nothing was committed.</summary>
    private async Task CommitAndAnswerAsync(IReadOnlyList<PendingRegistration> batch)
    {
        _session ??= new WriterSession(scopes.CreateAsyncScope());
        WriterSession.Committed committed;
        try
        {
            committed = await _session.CommitAsync(batch);
        }
        catch
        {
            // The connection may be what failed: the next batch starts on a fresh one.
            await _session.DisposeAsync();
            _session = null;
            throw;
        }
        // Committed: from here on nothing may fail these requests or send them back to be written again.
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            pending.Claim.Id = committed.ClaimIds[i];
            if (committed.Answers[i] is { } answer) pending.Answer!.Request.CommittedWith(answer);
            pending.Saved.TrySetResult(pending.Claim);
        }
        corroboration.Add(committed.ClaimIds);
        _session.SendWebhooks(committed.DeliveryIds, logger);
    }

    /// <summary>
    /// One DbContext, connection and set of prepared inserts for as long as batches succeed: the writer runs alone, and
    /// a scope, a context and a connection per batch cost more than the batch's inserts.
    /// </summary>
    private sealed class WriterSession(AsyncServiceScope scope) : IAsyncDisposable
    {
        private static readonly Func<ClaimDeskDbContext, IAsyncEnumerable<WebhookSubscription>> ActiveSubscriptions =
            EF.CompileAsyncQuery((ClaimDeskDbContext db) => db.WebhookSubscriptions.AsNoTracking().Where(s => s.DisabledAt == null));

        private readonly ClaimDeskDbContext _db = scope.ServiceProvider.GetRequiredService<ClaimDeskDbContext>();
        private readonly IJobScheduler _jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
        private readonly TimeProvider _clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        private RowInserter<Claim>? _claims;
        private RowInserter<ClaimEvent>? _events;
        private RowInserter<WebhookDelivery>? _deliveries;
        private RowInserter<IdempotencyRecord>? _answers;

        /// <summary>What one batch's transaction wrote: per registration its claim's id and its stored answer, if any.</summary>
        public sealed record Committed(long[] ClaimIds, IdempotencyRecord?[] Answers, List<long> DeliveryIds);

        /// <summary>Writes the batch in one transaction and commits it; throws when it did not commit.</summary>
        public async Task<Committed> CommitAsync(IReadOnlyList<PendingRegistration> batch)
        {
            // Read per batch: a subscription made a moment ago, on any node, gets the next registrations.
            var subscriptions = new List<WebhookSubscription>();
            await foreach (var subscription in ActiveSubscriptions(_db)) subscriptions.Add(subscription);
            var now = _clock.GetUtcNow().UtcDateTime;
            var claimIds = new long[batch.Count];
            var answers = new IdempotencyRecord?[batch.Count];
            var deliveryIds = new List<long>();

            // Opened once and kept for the session (EF counts opens: one open, one close in DisposeAsync).
            if (_db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await _db.Database.OpenConnectionAsync();
            await using (var transaction = await _db.Database.BeginTransactionAsync())
            {
                var connection = _db.Database.GetDbConnection();
                var tx = transaction.GetDbTransaction();
                await using var insertClaim = (_claims ??= new(_db)).CreateCommand(connection, tx);
                await using var insertEvent = (_events ??= new(_db)).CreateCommand(connection, tx);
                // Most desks have no subscriptions: then no batch builds a delivery command it will not run.
                await using var insertDelivery = subscriptions.Count > 0 ? (_deliveries ??= new(_db)).CreateCommand(connection, tx) : null;
                // Nor one that writes idempotent answers, unless a request of the batch sent a key.
                await using var insertAnswer = AnyAnswerDue(batch) ? (_answers ??= new(_db)).CreateCommand(connection, tx) : null;
                for (var i = 0; i < batch.Count; i++)
                {
                    var pending = batch[i];
                    claimIds[i] = await _claims.InsertAsync(insertClaim, pending.Claim, CancellationToken.None);
                    var registered = pending.Registered;
                    registered.ClaimId = claimIds[i];
                    registered.Id = await _events.InsertAsync(insertEvent, registered, CancellationToken.None);
                    // The outbox, as SaveChanges writes it: deliveries in the same transaction as the event they report.
                    foreach (var delivery in ClaimEventLog.DeliveriesFor(registered, subscriptions, now))
                        deliveryIds.Add(await _deliveries!.InsertAsync(insertDelivery!, delivery, CancellationToken.None));
                    if (pending.Answer is { } due)
                    {
                        // The answer names the claim's id, known only now; the key's unique index refuses a second answer.
                        pending.Claim.Id = claimIds[i];
                        var answer = await due.Request.RecordAsync(due.Response(pending.Claim), now);
                        answer.Id = await _answers!.InsertAsync(insertAnswer!, answer, CancellationToken.None);
                        answers[i] = answer;
                    }
                }
                await transaction.CommitAsync();
            }
            return new Committed(claimIds, answers, deliveryIds);
        }

        /// <summary>
        /// Queues the committed batch's webhooks. A failure is logged, not thrown: the deliveries are committed, and the
        /// recovery sweep sends those whose job was never queued.
        /// </summary>
        public void SendWebhooks(List<long> deliveryIds, ILogger logger)
        {
            foreach (var deliveryId in deliveryIds)
            {
                try
                {
                    _jobs.DeliverWebhook(deliveryId, TimeSpan.Zero);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Could not queue webhook delivery {DeliveryId}; the recovery sweep will", deliveryId);
                }
            }
        }

        private static bool AnyAnswerDue(IReadOnlyList<PendingRegistration> batch)
        {
            for (var i = 0; i < batch.Count; i++)
                if (batch[i].Answer is not null) return true;
            return false;
        }

        public async ValueTask DisposeAsync()
        {
            await _db.Database.CloseConnectionAsync();
            await scope.DisposeAsync();
        }
    }

    private sealed class PendingRegistration(Claim claim, ClaimEvent registered, DueAnswer? answer)
    {
        public TaskCompletionSource<Claim> Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        /// <summary>Not tracked by any DbContext: its values are sent as they are, and it gets its key once committed.</summary>
        public Claim Claim => claim;
        public ClaimEvent Registered => registered;
        public DueAnswer? Answer => answer;
    }
}

/// <summary>
/// A registration sent with an Idempotency-Key: the request, and the response it answers once its claim has an id
/// (rendered by the request's endpoint into the answer the writer stores with the claim).
/// </summary>
public sealed record DueAnswer(IdempotentRequest Request, Func<Claim, ClaimView> Response);
