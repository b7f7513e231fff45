using ClaimDesk.Analysis;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Corroboration;
using ClaimDesk.Core.Security;
using Mediator;

namespace ClaimDesk.Api.Endpoints;

public sealed record RegisterClaimRequest(long ArticleId, string? Text, QuoteSpan? Quote, string? Claimant, ClaimKind? Kind);

/// <summary>A JSON Merge Patch of a claim: a field left out is kept; null clears the claimant.</summary>
public sealed record ClaimPatchRequest(FieldChange<string>? Text, FieldChange<string>? Claimant, FieldChange<ClaimKind?>? Kind);

public static class ClaimEndpoints
{
    public const string MergePatch = "application/merge-patch+json";

    public static RouteGroupBuilder MapClaimEndpoints(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/claims").WithTags("Claims");

        claims.MapPost("/", async (RegisterClaimRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var claim = await mediator.Send(new RegisterClaim(body.ArticleId, body.Text!, body.Quote, body.Claimant, body.Kind), ct);
                http.Response.Headers.ETag = claim.Etag;
                return TypedResults.Created($"/api/v1/claims/{claim.Id}", claim);
            })
            .RequireAuthorization(RolePermissions.Register)
            .WithName("RegisterClaim")
            .WithSummary("Register a claim an article makes")
            .WithDescription("The quote span (character offsets into the article) must lie inside the article's text. Corroboration starts by itself.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        claims.MapGet("/", async (string[]? status, string? assignee, bool? unassigned, string[]? kind, string? outlet, string? q,
                    bool? hasNewEvidence, string? sort, int? page, int? pageSize, bool? awaitingApproval, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListClaims(
                    QueryParsing.Enums<ClaimStatus>(status, "status"), assignee, unassigned, QueryParsing.Enums<ClaimKind>(kind, "kind"),
                    outlet, q, hasNewEvidence, QueryParsing.Enum<ClaimSort>(sort, "sort") ?? ClaimSort.Newest,
                    page ?? 1, pageSize ?? Paging.DefaultPageSize, awaitingApproval), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListClaims")
            .WithSummary("The work queue: claims filtered by status, assignee (or unassigned), kind, outlet and text; sorted and paged")
            .WithDescription("status and kind take several values by repeating the parameter (?status=inReview&status=needsReview matches either); " +
                             "sort: checkWorthiness | newest | oldest | recentlyUpdated. E.g. ?status=needsReview&unassigned=true&sort=checkWorthiness; " +
                             "awaitingApproval=true lists claims whose proposed verdict waits for an editor. " +
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
            .ProducesProblem(StatusCodes.Status404NotFound);

        claims.MapPatch("/{id:long}", async (long id, ClaimPatchRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var claim = await mediator.Send(new EditClaim(id, body.Text, body.Claimant, body.Kind, QueryParsing.IfMatchVersion(http, id)), ct);
                http.Response.Headers.ETag = claim.Etag;
                return TypedResults.Ok(claim);
            })
            .Accepts<ClaimPatchRequest>(MergePatch)
            .RequireAuthorization(RolePermissions.Review)
            .WithName("EditClaim")
            .WithSummary("Edit an open claim's text, claimant or kind (JSON Merge Patch, application/merge-patch+json; needs If-Match)")
            .WithDescription("A field left out is kept; \"claimant\": null clears it; text and kind cannot be cleared. 409 once the claim is decided or a " +
                             "duplicate (an editor reopens it first) or while a verdict awaits approval. New text re-runs corroboration. Audited (before/after).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        claims.MapPost("/{id:long}/corroborate", async (long id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RequestCorroboration(id), ct);
                return TypedResults.Accepted($"/api/v1/claims/{id}/evidence");
            })
            .RequireAuthorization(RolePermissions.Corroborate)
            .WithName("RequestCorroboration")
            .WithSummary("Gather evidence again now (202; the job runs in the background)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        claims.MapGet("/{id:long}/history", async (long id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClaimHistory(id), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetClaimHistory")
            .WithSummary("The claim's audit log: who, when, what, before and after")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
