using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>
/// Sends a delivery again — one that failed, or one the receiver lost. It is a new message (its own webhook-id and attempt
/// log, <c>redeliveryOf</c> naming the first) carrying the same event: the body's eventId and sequence are the same, so a
/// receiver that did take the first one can tell.
/// </summary>
public sealed record RedeliverWebhook(long SubscriptionId, long DeliveryId) : ICommand<DeliveryView>, ISavesItself;

public sealed class RedeliverWebhookHandler(ClaimDeskDbContext db, TimeProvider clock, IAfterCommit afterCommit, IJobScheduler jobs)
    : ICommandHandler<RedeliverWebhook, DeliveryView>
{
    public async ValueTask<DeliveryView> Handle(RedeliverWebhook command, CancellationToken ct)
    {
        var subscription = await LiveSubscriptions.FindAsync(db, command.SubscriptionId, "sent to", ct);
        var original = await db.WebhookDeliveries.AsNoTracking().Include(d => d.ClaimEvent)
                           .FirstOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == subscription.Id, ct)
                       ?? throw new NotFoundException("Delivery", command.DeliveryId);
        var now = clock.GetUtcNow().UtcDateTime;
        var again = new WebhookDelivery
        {
            SubscriptionId = subscription.Id, ClaimEventId = original.ClaimEventId, EventType = original.EventType, RedeliveryOf = original.Id,
            Outcome = DeliveryOutcome.Pending, CreatedAt = now, NextAttemptAt = now,
        };
        db.WebhookDeliveries.Add(again);
        await db.SaveChangesAsync(ct); // the answer and the delivery job need the new delivery's id
        afterCommit.Add(() => jobs.DeliverWebhook(again.Id, TimeSpan.Zero));
        again.ClaimEvent = original.ClaimEvent;
        return DeliveryView.Of(again);
    }
}
