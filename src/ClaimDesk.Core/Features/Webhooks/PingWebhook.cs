using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>
/// Sends a subscription a signed <c>webhook.ping</c>, whatever events it asked for: an integrator checks the endpoint and its
/// signature check without waiting for a claim to change. A delivery like any other (logged, retried).
/// </summary>
public sealed record PingWebhook(long SubscriptionId) : ICommand<DeliveryView>, ISavesItself;

public sealed class PingWebhookHandler(ClaimDeskDbContext db, TimeProvider clock, IAfterCommit afterCommit, IJobScheduler jobs)
    : ICommandHandler<PingWebhook, DeliveryView>
{
    public async ValueTask<DeliveryView> Handle(PingWebhook command, CancellationToken ct)
    {
        var subscription = await LiveSubscriptions.FindAsync(db, command.SubscriptionId, "pinged", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var delivery = new WebhookDelivery
        {
            SubscriptionId = subscription.Id, EventType = WebhookEvents.Ping, Outcome = DeliveryOutcome.Pending, CreatedAt = now, NextAttemptAt = now,
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct); // the answer and the delivery job need the delivery's id
        afterCommit.Add(() => jobs.DeliverWebhook(delivery.Id, TimeSpan.Zero));
        return DeliveryView.Of(delivery);
    }
}

internal static class LiveSubscriptions
{
    /// <summary>A subscription that may be sent to; a stopped one is a 409 naming why it stopped.</summary>
    public static async Task<WebhookSubscription> FindAsync(ClaimDeskDbContext db, long id, string what, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Webhook", id);
        if (subscription.DisabledAt is not null)
            throw new ConflictException("Webhook is stopped",
                $"Webhook {id} was stopped ({subscription.DisabledReason}); a stopped subscription is not {what}. Subscribe the URL again.");
        return subscription;
    }
}
