using ClaimDesk.Api.Contract;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Webhooks;
using ClaimDesk.Core.Security;
using Mediator;

namespace ClaimDesk.Api.Endpoints;

/// <summary>A subscription: where to send, which events (see the document's webhooks), and a note for people.</summary>
public sealed record CreateWebhookRequest(string Url, [ValuesOf(typeof(WebhookEvents), nameof(WebhookEvents.All))] string[] Events, string? Description = null)
    : IRequestBody<CreateWebhookRequest>
{
    public static CreateWebhookRequest Example => new("https://cms.example/hooks/claimdesk",
        [WebhookEvents.VerdictPublished, WebhookEvents.StatusChanged], "Newsroom CMS: show verdicts beside articles");
}

public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(RolePermissions.ManageIntegrations);

        webhooks.MapPost("/", (CreateWebhookRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new CreateWebhook(body.Url, body.Events ?? [], body.Description),
                    created => TypedResults.Created($"/api/v1/webhooks/{created.Subscription.Id}", created), ct))
            .WithName("CreateWebhook")
            .WithSummary("Subscribe a URL to events; signed per Standard Webhooks with the whsec_ secret returned once")
            .WithDescription("Events: claim.registered, claim.evidence_added, claim.status_changed, claim.verdict_published, claim.verdict_withdrawn (payloads: the document's webhooks section). Loopback, link-local, cloud-metadata, private and reserved addresses are refused; ClaimDesk:Outbound:AllowPrivateNetworks opens the private ranges, ClaimDesk:Outbound:AllowAddresses single addresses.")
            .ProducesValidationProblem();

        webhooks.MapGet("/", async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWebhooks(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListWebhooks")
            .WithSummary("Subscriptions (without secrets)");

        webhooks.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetWebhook(id), ct)))
            .WithName("GetWebhook")
            .WithSummary("One subscription (without its secret)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapDelete("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new DeleteWebhook(id), ct)))
            .WithName("DeleteWebhook")
            .WithSummary("Stop a subscription (its delivery log is kept)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/{id:long}/deliveries", async (long id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDeliveries(id, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log: each delivery with its attempts and outcome, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/{id:long}/deliveries/{deliveryId:long}", async (long id, long deliveryId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDelivery(id, deliveryId), ct)))
            .WithName("GetWebhookDelivery")
            .WithSummary("One delivery with its attempts and outcome")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/{id:long}/ping", (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new PingWebhook(id), sent => TypedResults.Accepted(DeliveryPath(id, sent.Id), sent), ct))
            .WithName("PingWebhook")
            .WithSummary("Send the subscription a signed webhook.ping now (whatever events it asked for); Location is the delivery")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        webhooks.MapPost("/{id:long}/deliveries/{deliveryId:long}/redeliver", (long id, long deliveryId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new RedeliverWebhook(id, deliveryId), sent => TypedResults.Accepted(DeliveryPath(id, sent.Id), sent), ct))
            .WithName("RedeliverWebhook")
            .WithSummary("Send a delivery again: a new message (its own webhook-id, redeliveryOf naming the first) with the same event, eventId and sequence")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static string DeliveryPath(long subscriptionId, long deliveryId) => $"/api/v1/webhooks/{subscriptionId}/deliveries/{deliveryId}";
}
