using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>One subscription (where a new subscription's Location points), stopped ones included.</summary>
public sealed record GetWebhook(long Id) : IQuery<WebhookView>;

public sealed class GetWebhookHandler(ClaimDeskDbContext db) : IQueryHandler<GetWebhook, WebhookView>
{
    public async ValueTask<WebhookView> Handle(GetWebhook query, CancellationToken ct) =>
        WebhookView.Of(await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.Id, ct)
                       ?? throw new NotFoundException("Webhook", query.Id));
}
