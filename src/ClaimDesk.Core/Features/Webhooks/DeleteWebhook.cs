using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>Stops a subscription (kept, disabled, with its delivery log).</summary>
public sealed record DeleteWebhook(long Id) : ICommand<WebhookView>;

public sealed class DeleteWebhookHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor) : ICommandHandler<DeleteWebhook, WebhookView>
{
    public async ValueTask<WebhookView> Handle(DeleteWebhook command, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == command.Id, ct) ?? throw new NotFoundException("Webhook", command.Id);
        subscription.DisabledAt ??= clock.GetUtcNow().UtcDateTime;
        subscription.DisabledReason ??= $"deleted by {actor.Name}";
        return WebhookView.Of(subscription);
    }
}
