using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Evidence;
using ClaimDesk.Core.Features.Review;
using ClaimDesk.Core.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClaimDesk.Api.Endpoints;

public sealed record TransitionRequest(string? To, string? Rationale, string? SourceUrl, long? DuplicateOf);

public sealed record AssignmentRequest(string? Assignee);

public sealed record CommentRequest(string? Text);

public sealed record EvidenceDecisionRequest(string? Decision, string? Note);

public sealed record ExternalEvidenceRequest(string? Url, string? Stance, string? Note);

public sealed record VerdictProposalDecisionRequest(string? Decision, string? Note);

public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/claims").WithTags("Review");

        claims.MapPost("/{id:long}/transitions", async Task<Results<Ok<ClaimView>, Accepted<ClaimView>>> (long id, TransitionRequest body,
                IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var to = QueryParsing.Enum<ClaimStatus>(body.To, "to")
                         ?? throw new Core.Common.FieldValidationException("to", "'to' is required: the status to move the claim to.");
                var claim = await mediator.Send(new TransitionClaim(id, to, body.Rationale, body.SourceUrl, body.DuplicateOf,
                    QueryParsing.IfMatchVersion(http, id)), ct);
                http.Response.Headers.ETag = claim.Etag;
                // Not moved yet: the verdict is proposed and waits for a second person.
                return claim.Status == to ? TypedResults.Ok(claim) : TypedResults.Accepted($"/api/v1/claims/{id}", claim);
            })
            .RequireAuthorization(RolePermissions.Review)
            .WithName("TransitionClaim")
            .WithSummary("Move a claim through the workflow (needs If-Match)")
            .WithDescription("409 lists the moves allowed from the current state; 412 when If-Match is stale; 428 without If-Match. A verdict needs a rationale. "
                             + "403 names the assignee when the claim is someone else's. When verdicts need a second person, a verdict answers 202: "
                             + "the claim stays inReview with a proposedVerdict until an editor or admin approves it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        claims.MapPost("/{id:long}/proposed-verdict/decision", async (long id, VerdictProposalDecisionRequest body, IMediator mediator,
                HttpContext http, CancellationToken ct) =>
            {
                var decision = QueryParsing.Enum<VerdictProposalDecision>(body.Decision, "decision")
                               ?? throw new Core.Common.FieldValidationException("decision", "'decision' is required: approve or sendBack.");
                var claim = await mediator.Send(new DecideVerdictProposal(id, decision, body.Note, QueryParsing.IfMatchVersion(http, id)), ct);
                http.Response.Headers.ETag = claim.Etag;
                return TypedResults.Ok(claim);
            })
            .RequireAuthorization(RolePermissions.ApproveVerdicts)
            .WithName("DecideVerdictProposal")
            .WithSummary("Approve or send back a proposed verdict (editor or admin other than its proposer; needs If-Match)")
            .WithDescription("{ decision: approve | sendBack, note? } — sendBack needs a note. Approval checks the verdict's requirements again.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        claims.MapPost("/{id:long}/assignment", async (long id, AssignmentRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var claim = await mediator.Send(new AssignClaim(id, body.Assignee, QueryParsing.IfMatchVersion(http, id)), ct);
                http.Response.Headers.ETag = claim.Etag;
                return TypedResults.Ok(claim);
            })
            .RequireAuthorization(RolePermissions.Assign)
            .WithName("AssignClaim")
            .WithSummary("Assign a reviewer (null unassigns); needs If-Match")
            .WithDescription("A reviewer may take an unassigned claim or drop their own; editors and admins assign anyone. 403 names the assignee.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        claims.MapPost("/{id:long}/comments", async (long id, CommentRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var comment = await mediator.Send(new CommentOnClaim(id, body.Text!), ct);
                return TypedResults.Created($"/api/v1/claims/{id}/comments", comment);
            })
            .RequireAuthorization(RolePermissions.Comment)
            .WithName("CommentOnClaim")
            .WithSummary("Add a reviewer note (appends; no If-Match needed)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        claims.MapGet("/{id:long}/comments", async (long id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListComments(id), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListComments")
            .WithSummary("The claim's comments, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        claims.MapPost("/{id:long}/evidence/{evidenceId:long}/decision", async (long id, long evidenceId, EvidenceDecisionRequest body,
                IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var decision = QueryParsing.Enum<EvidenceDecision>(body.Decision, "decision")
                               ?? throw new Core.Common.FieldValidationException("decision", "'decision' is required: accept or reject.");
                var result = await mediator.Send(new DecideEvidence(id, evidenceId, decision, body.Note, QueryParsing.IfMatchVersion(http, id)), ct);
                http.Response.Headers.ETag = result.ClaimETag;
                return TypedResults.Ok(result.Evidence);
            })
            .RequireAuthorization(RolePermissions.Review)
            .WithName("DecideEvidence")
            .WithSummary("Accept or reject an evidence item — one related article, or a cited source (needs the claim's If-Match)")
            .WithDescription("A cited source is accepted only by someone other than who cited it (403). While the claim is assigned, only its assignee or an editor or admin decides (403).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        claims.MapPost("/{id:long}/evidence", async (long id, ExternalEvidenceRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var stance = QueryParsing.Enum<Analysis.Corroboration.Stance>(body.Stance, "stance")
                             ?? throw new Core.Common.FieldValidationException("stance", "'stance' is required: supports, contradicts or mentions.");
                var result = await mediator.Send(new AddExternalEvidence(id, body.Url!, stance, body.Note, QueryParsing.IfMatchVersion(http, id)), ct);
                http.Response.Headers.ETag = result.ClaimETag;
                return TypedResults.Created($"/api/v1/claims/{id}/evidence", result.Evidence);
            })
            .RequireAuthorization(RolePermissions.Review)
            .WithName("AddExternalEvidence")
            .WithSummary("Cite an external source as evidence (suggested until another person accepts it; needs the claim's If-Match)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        claims.MapGet("/{id:long}/evidence", async (long id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClaimEvidence(id, page ?? 1, pageSize ?? Core.Common.Paging.DefaultPageSize), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetClaimEvidence")
            .WithSummary("The claim's evidence, one item per related article (and per cited source), best first; with what the last gathering looked at")
            .WithDescription("Accepted before suggested before rejected, then by score. Each item: the article and outlet, the stance the model gave the " +
                             "whole article (supports, contradicts, mentions) and its probability, the passages that decided it (text and character " +
                             "offsets into the article, best first), discrepancies, independence judged now, and modelNote when the trained model was " +
                             "not applied (an article or claim not in English gets a similarity-only mention). gathering: the latest gathering run — " +
                             "articles considered, related, whether the cap on related articles was reached, the model. Paged (page, pageSize ≤ 200).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        claims.MapGet("/{id:long}/claimreview", async (long id, IMediator mediator, CancellationToken ct) =>
                Results.Text((await mediator.Send(new GetClaimReview(id), ct)).ToJsonString(), "application/ld+json"))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetClaimReview")
            .WithSummary("schema.org ClaimReview (JSON-LD) of a decided claim")
            .Produces(StatusCodes.Status200OK, contentType: "application/ld+json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
