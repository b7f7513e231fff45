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
            .WithDescription("Events: claim.registered, claim.evidence_added, claim.status_changed, claim.verdict_published. Loopback, link-local, cloud-metadata, private and reserved addresses are refused; ClaimDesk:Outbound:AllowPrivateNetworks opens the private ranges, ClaimDesk:Outbound:AllowAddresses single addresses.")
            .ProducesValidationProblem();

        webhooks.MapGet("/", async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWebhooks(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListWebhooks")
            .WithSummary("Subscriptions (without secrets)");

        webhooks.MapDelete("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new DeleteWebhook(id), ct)))
            .WithName("DeleteWebhook")
            .WithSummary("Stop a subscription (its delivery log is kept)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/{id:long}/deliveries", async (long id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDeliveries(id, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log: each delivery with its attempts and outcome")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
