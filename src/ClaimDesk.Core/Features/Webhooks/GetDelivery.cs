using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>One delivery of a subscription, with its attempts (where a ping's or a redelivery's Location points).</summary>
public sealed record GetDelivery(long SubscriptionId, long DeliveryId) : IQuery<DeliveryView>;

public sealed class GetDeliveryHandler(ClaimDeskDbContext db) : IQueryHandler<GetDelivery, DeliveryView>
{
    public async ValueTask<DeliveryView> Handle(GetDelivery query, CancellationToken ct) =>
        DeliveryView.Of(await db.WebhookDeliveries.AsNoTracking().Include(d => d.ClaimEvent)
                            .FirstOrDefaultAsync(d => d.Id == query.DeliveryId && d.SubscriptionId == query.SubscriptionId, ct)
                        ?? throw new NotFoundException("Delivery", query.DeliveryId));
}
