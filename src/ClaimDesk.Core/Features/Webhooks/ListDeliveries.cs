using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>A subscription's deliveries, newest first.</summary>
public sealed record ListDeliveries(long SubscriptionId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<DeliveryView>>, IPagedQuery;

public sealed class ListDeliveriesValidator : PagedQueryValidator<ListDeliveries>;

public sealed class ListDeliveriesHandler(ClaimDeskDbContext db) : IQueryHandler<ListDeliveries, PagedResult<DeliveryView>>
{
    public async ValueTask<PagedResult<DeliveryView>> Handle(ListDeliveries query, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == query.SubscriptionId, ct)) throw new NotFoundException("Webhook", query.SubscriptionId);
        var page = await db.WebhookDeliveries.AsNoTracking().Include(d => d.ClaimEvent)
            .Where(d => d.SubscriptionId == query.SubscriptionId).OrderByDescending(d => d.Id).ToPageAsync(query, ct);
        return new PagedResult<DeliveryView>(page.Items.Select(DeliveryView.Of).ToList(), page.Page, page.PageSize, page.Total);
    }
}
