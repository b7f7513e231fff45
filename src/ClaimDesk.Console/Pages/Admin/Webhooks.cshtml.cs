using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Webhooks;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.WebConsole.Pages.Admin;

/// <summary>Webhook subscriptions: subscribe a URL (the signing secret is shown once), stop one, open its delivery log.</summary>
[Permission(RolePermissions.ManageIntegrations)]
public sealed class WebhooksModel : ConsolePage
{
    public IReadOnlyList<WebhookView> Webhooks { get; private set; } = [];
    public CreatedWebhook? Created { get; private set; }
    public static IReadOnlyList<string> Events => WebhookEvents.All;

    public override string Title => "Webhooks";

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    [Permission(RolePermissions.ManageIntegrations)]
    public Task<IActionResult> OnPostCreateAsync(string? url, string[]? events, string? description) => ChangeAndShowAsync(async ct =>
    {
        Created = await Mediator.Send(new CreateWebhook(url?.Trim() ?? "", events ?? [], string.IsNullOrWhiteSpace(description) ? null : description.Trim()), ct);
        return $"Subscribed {Created.Subscription.Url}. Copy its signing secret now: it is not shown again.";
    });

    [Permission(RolePermissions.ManageIntegrations)]
    public Task<IActionResult> OnPostStopAsync(long webhookId) => ChangeAsync(async ct =>
    {
        var stopped = await Mediator.Send(new DeleteWebhook(webhookId), ct);
        return $"Stopped deliveries to {stopped.Url}; its delivery log is kept.";
    });

    protected override async Task LoadAsync(CancellationToken ct) => Webhooks = (await Mediator.Send(new ListWebhooks(1, Paging.MaxPageSize), ct)).Items;
}
