using ClaimDesk.Analysis;
using ClaimDesk.Api.Contract;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Corroboration;
using ClaimDesk.Core.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.Api.Endpoints;

/// <summary>A claim an article makes: its text (required), where it is quoted, who says it.</summary>
public sealed record RegisterClaimRequest(long ArticleId, string Text, QuoteSpan? Quote = null, string? Claimant = null, ClaimKind? Kind = null)
    : IRequestBody<RegisterClaimRequest>
{
    public static RegisterClaimRequest Example => new(3, "Russia did not invade its neighbors during Trump’s first term");
}

/// <summary>
/// A JSON Merge Patch of a claim as it is read: a field left out is no <see cref="FieldChange{T}"/> at all, a field sent as
/// null is a change to null, so "keep" and "clear" stay apart. Bound by hand (BindAsync), because the body is described
/// to clients as <see cref="ClaimPatch"/>, the plain object they send.
/// </summary>
public sealed record ClaimPatchRequest(FieldChange<string>? Text, FieldChange<string>? Claimant, FieldChange<ClaimKind?>? Kind)
{
    public static async ValueTask<ClaimPatchRequest?> BindAsync(HttpContext http)
    {
        if (!string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), ClaimEndpoints.MergePatch, StringComparison.OrdinalIgnoreCase))
            throw new BadHttpRequestException($"Send a JSON Merge Patch: Content-Type: {ClaimEndpoints.MergePatch}.", StatusCodes.Status415UnsupportedMediaType);
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<ClaimPatchRequest>(http.Request.Body, options, http.RequestAborted)
                   ?? throw new BadHttpRequestException("The merge patch must be a JSON object.");
        }
        catch (System.Text.Json.JsonException refused)
        {
            // Reported like any other body: the field at fault named (the exception handler reads the inner exception).
            throw new BadHttpRequestException("The request body is not a valid merge patch for a claim.", refused);
        }
    }
}

/// <summary>A JSON Merge Patch of a claim (application/merge-patch+json): a field left out is kept.</summary>
public sealed record ClaimPatch(string? Text = null, [NullMeans("clears the claimant")] string? Claimant = null, ClaimKind? Kind = null)
    : IRequestBody<ClaimPatch>
{
    public static ClaimPatch Example => new(Claimant: "the finance minister");
}

public static class ClaimEndpoints
{
    public const string MergePatch = "application/merge-patch+json";

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

        claims.MapPatch("/{id:long}", (long id, ClaimPatchRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator,
                HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new EditClaim(id, body.Text, body.Claimant, body.Kind, QueryParsing.IfMatchVersion(ifMatch, id)),
                    claim => TypedResults.Ok(claim), claim => claim.Etag, ct))
            .Accepts<ClaimPatch>(MergePatch)
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
