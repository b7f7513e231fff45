using ClaimDesk.Api.Contract;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Feeds;
using ClaimDesk.Core.Security;
using Mediator;

namespace ClaimDesk.Api.Endpoints;

/// <summary>An RSS or Atom feed and the outlet its items come from.</summary>
public sealed record RegisterFeedRequest(string Url, string Outlet) : IRequestBody<RegisterFeedRequest>
{
    public static RegisterFeedRequest Example => new("https://harbour-gazette.example/feed.xml", "Harbour Gazette");
}

public static class FeedEndpoints
{
    public static RouteGroupBuilder MapFeedEndpoints(this RouteGroupBuilder api)
    {
        var feeds = api.MapGroup("/feeds").WithTags("Feeds");

        feeds.MapPost("/", (RegisterFeedRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new RegisterFeed(body.Url, body.Outlet), feed => TypedResults.Created($"/api/v1/feeds/{feed.Id}", feed), ct))
            .RequireAuthorization(RolePermissions.ManageIntegrations)
            .WithName("RegisterFeed")
            .WithSummary("Register an RSS/Atom feed; it is polled now and every 15 minutes, new items become articles")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        feeds.MapGet("/", async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListFeeds(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListFeeds")
            .WithSummary("Feeds, with when each was last polled and its last error");

        feeds.MapPost("/{id:long}/poll", (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new RequestFeedPoll(id), _ => TypedResults.Accepted($"/api/v1/feeds/{id}"), ct))
            .RequireAuthorization(RolePermissions.ManageIntegrations)
            .WithName("PollFeed")
            .WithSummary("Poll a feed now (202)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        feeds.MapDelete("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new DeactivateFeed(id), ct)))
            .RequireAuthorization(RolePermissions.ManageIntegrations)
            .WithName("DeactivateFeed")
            .WithSummary("Stop polling a feed")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
