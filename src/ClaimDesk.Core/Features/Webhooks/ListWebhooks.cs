using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>The subscriptions, oldest first (without their secrets).</summary>
public sealed record ListWebhooks(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<WebhookView>>, IPagedQuery;

public sealed class ListWebhooksValidator : PagedQueryValidator<ListWebhooks>;

public sealed class ListWebhooksHandler(ClaimDeskDbContext db) : IQueryHandler<ListWebhooks, PagedResult<WebhookView>>
{
    public async ValueTask<PagedResult<WebhookView>> Handle(ListWebhooks query, CancellationToken ct)
    {
        var page = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToPageAsync(query, ct);
        return new PagedResult<WebhookView>(page.Items.Select(WebhookView.Of).ToList(), page.Page, page.PageSize, page.Total);
    }
}
