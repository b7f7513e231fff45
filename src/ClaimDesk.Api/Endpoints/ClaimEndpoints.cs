using ClaimDesk.Analysis;
using ClaimDesk.Api.Contract;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Corroboration;
using ClaimDesk.Core.Security;
using Mediator;

namespace ClaimDesk.Api.Endpoints;

/// <summary>A claim an article makes: its text (required), where it is quoted, who says it.</summary>
public sealed record RegisterClaimRequest(long ArticleId, string Text, QuoteSpan? Quote = null, string? Claimant = null, ClaimKind? Kind = null)
    : IRequestBody<RegisterClaimRequest>
{
    public static RegisterClaimRequest Example => new(3, "Russia did not invade its neighbors during Trump’s first term");
}

public static class ClaimEndpoints
{
    public static RouteGroupBuilder MapClaimEndpoints(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/claims").WithTags("Claims");

        claims.MapPost("/", (RegisterClaimRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new RegisterClaim(body.ArticleId, body.Text, body.Quote, body.Claimant, body.Kind),
                    claim => TypedResults.Created($"/api/v1/claims/{claim.Id}", claim), claim => claim.Etag, ct))
            .RequireAuthorization(RolePermissions.Register)
            .WithName("RegisterClaim")
            .WithSummary("Register a claim an article makes")
            .WithDescription("The text is required. Without a quote span it is looked up verbatim in the article; a quote span (character offsets " +
                             "into the article's text, e.g. from a claim suggestion) must lie inside the text. Corroboration starts by itself: the claim " +
                             "moves through gathering to needsReview.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        claims.MapGet("/", async ([ValuesOfEnum(typeof(ClaimStatus))] string[]? status, string? assignee, bool? unassigned,
                    [ValuesOfEnum(typeof(ClaimKind))] string[]? kind, string? outlet, string? q,
                    bool? hasNewEvidence, [ValuesOfEnum(typeof(ClaimSort))] string? sort, int? page, int? pageSize, bool? awaitingApproval, DateTimeOffset? updatedSince, long? afterId,
                    IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListClaims(
                    QueryParsing.Enums<ClaimStatus>(status, "status"), assignee, unassigned, QueryParsing.Enums<ClaimKind>(kind, "kind"),
                    outlet, q, hasNewEvidence, QueryParsing.SortOrSync<ClaimSort>(sort, updatedSince) ?? ClaimSort.Newest,
                    page ?? 1, pageSize ?? Paging.DefaultPageSize, awaitingApproval, updatedSince?.UtcDateTime, afterId), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListClaims")
            .WithSummary("The work queue: claims filtered by status, assignee (or unassigned), kind, outlet and text; sorted and paged")
            .WithDescription("status and kind take several values by repeating the parameter (?status=inReview&status=needsReview matches either); " +
                             "sort: checkWorthiness | newest | oldest | recentlyUpdated. E.g. ?status=needsReview&unassigned=true&sort=checkWorthiness; " +
                             "awaitingApproval=true lists claims whose proposed verdict waits for an editor. " +
                             "Sync: updatedSince=<instant> lists the claims changed at or after it, oldest change first (updatedAt, then id); to page on, " +
                             "ask again with updatedSince = the last item's updatedAt and afterId = its id (not page=2: a claim that changes meanwhile " +
                             "moves behind the cursor instead of pushing another out of reach). sort cannot be combined with updatedSince. " +
                             "An unknown parameter is a 400 that lists the accepted ones.")
            .ProducesValidationProblem();

        claims.MapGet("/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var claim = await mediator.Send(new GetClaim(id), ct);
                http.Response.Headers.ETag = claim.Etag;
                return TypedResults.Ok(claim);
            })
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetClaim")
            .WithSummary("One claim with its evidence summary; the ETag header is what changes need in If-Match")
            .WithDescription("The ETag is the claim's version: it moves with every change to the claim, its evidence and its review.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        claims.MapPost("/{id:long}/corroborate", (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new RequestCorroboration(id), _ => TypedResults.Accepted($"/api/v1/claims/{id}/evidence"), ct))
            .RequireAuthorization(RolePermissions.Corroborate)
            .WithName("RequestCorroboration")
            .WithSummary("Gather evidence again now (202; the job runs in the background)")
            .WithDescription("The claim's evidence (Location) fills in as the job runs.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        claims.MapGet("/{id:long}/history", async (long id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClaimHistory(id, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetClaimHistory")
            .WithSummary("The claim's audit log: who, when, what, before and after")
            .WithDescription("Oldest first. before, after and detail are objects whose fields depend on the entry's type (a transition: { status }, " +
                             "an assignment: { assignee }, ...).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
