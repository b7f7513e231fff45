using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Review;
using ClaimDesk.Core.Security;
using Mediator;

namespace ClaimDesk.Api.Endpoints;

/// <summary>
/// The desk's published ClaimReviews as a JSON-LD feed. Read with any key: a review is public once published, but the
/// feed also carries withdrawn reviews and their reasons, and it runs on the back office, so it is not open to
/// anonymous callers; the desk's public site or CMS syncs it with a reader key and serves the pages.
/// </summary>
public static class ClaimReviewEndpoints
{
    public const string JsonLd = "application/ld+json";

    public static RouteGroupBuilder MapClaimReviewEndpoints(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/claimreviews").WithTags("ClaimReviews");

        reviews.MapGet("/", async (string[]? state, DateTimeOffset? updatedSince, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
            {
                var feed = await mediator.Send(new ListPublishedReviews(QueryParsing.Enums<ReviewState>(state, "state"), updatedSince?.UtcDateTime,
                    page ?? 1, pageSize ?? Paging.DefaultPageSize), ct);
                return Results.Json(feed, contentType: JsonLd);
            })
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListClaimReviews")
            .WithSummary("The ClaimReview feed (JSON-LD items in the list envelope): live reviews, or every change since updatedSince")
            .WithDescription("Without parameters: every published review, newest first. updatedSince (ISO 8601): every review whose state changed at or " +
                             "after it, oldest change first, withdrawals and supersessions included — keep the last item's dateModified and ask " +
                             "again from there (items at that instant come again; the identifier tells them apart). state (published | withdrawn | " +
                             "superseded, repeatable) picks states. 409 until ClaimDesk:Desk:Url and ClaimUrlTemplate are set.")
            .Produces<PagedResult<System.Text.Json.Nodes.JsonObject>>(StatusCodes.Status200OK, JsonLd)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        reviews.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
                Results.Text((await mediator.Send(new GetPublishedReview(id), ct)).ToJsonString(), JsonLd))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetClaimReviewById")
            .WithSummary("One published ClaimReview; a withdrawn or superseded one still answers, with creativeWorkStatus and expires saying so")
            .Produces(StatusCodes.Status200OK, contentType: JsonLd)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
