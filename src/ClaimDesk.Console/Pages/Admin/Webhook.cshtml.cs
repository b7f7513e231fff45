using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Webhooks;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.WebConsole.Pages.Admin;

/// <summary>One subscription's delivery log: each delivery with its attempts and outcome.</summary>
[Permission(RolePermissions.ManageIntegrations)]
public sealed class WebhookModel : ConsolePage
{
    [BindProperty(SupportsGet = true, Name = "id")] public long Id { get; set; }

    public WebhookView? Webhook { get; private set; }
    public IReadOnlyList<DeliveryView> Deliveries { get; private set; } = [];

    public override string Title => $"Webhook {Id}";

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Deliveries = (await Mediator.Send(new ListDeliveries(Id, 1, Paging.MaxPageSize), ct)).Items;
        Webhook = (await Mediator.Send(new ListWebhooks(1, Paging.MaxPageSize), ct)).Items.FirstOrDefault(w => w.Id == Id);
    }
}
