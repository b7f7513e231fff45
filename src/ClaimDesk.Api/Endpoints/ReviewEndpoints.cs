using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Api.Contract;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Evidence;
using ClaimDesk.Core.Features.Review;
using ClaimDesk.Core.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.Api.Endpoints;

/// <summary>A move through the workflow: where to (required), and what a verdict or a duplicate needs.</summary>
public sealed record TransitionRequest(ClaimStatus? To, string? Rationale = null, string? SourceUrl = null, long? DuplicateOf = null)
    : IRequestBody<TransitionRequest>
{
    public static TransitionRequest Example => new(ClaimStatus.Editorializing,
        "The outlet’s own unsourced aside, not a reported fact; no other article on the story corroborates it.");
}

public sealed record AssignmentRequest([NullMeans("(or leaving it out) unassigns the claim")] string? Assignee = null) : IRequestBody<AssignmentRequest>
{
    public static AssignmentRequest Example => new("test-reviewer");
}

public sealed record CommentRequest(string Text) : IRequestBody<CommentRequest>
{
    public static CommentRequest Example => new("Asked the outlet for its source; no answer yet.");
}

public sealed record EvidenceDecisionRequest(EvidenceDecision? Decision, string? Note = null) : IRequestBody<EvidenceDecisionRequest>
{
    public static EvidenceDecisionRequest Example => new(EvidenceDecision.Accept, "Same event, same date, another outlet.");
}

public sealed record ExternalEvidenceRequest(string Url, Stance? Stance, string? Note = null) : IRequestBody<ExternalEvidenceRequest>
{
    public static ExternalEvidenceRequest Example => new("https://example.org/statistics/2024-report", Analysis.Corroboration.Stance.Contradicts,
        "The official report gives another figure.");
}

public sealed record VerdictProposalDecisionRequest(VerdictProposalDecision? Decision, string? Note = null) : IRequestBody<VerdictProposalDecisionRequest>
{
    public static VerdictProposalDecisionRequest Example => new(VerdictProposalDecision.Approve);
}

public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/claims").WithTags("Review");

        claims.MapPost("/{id:long}/transitions", async Task<Results<Ok<ClaimView>, Accepted<ClaimView>>> (long id, TransitionRequest body,
                [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var to = body.To ?? throw new FieldValidationException("to", "'to' is required: the status to move the claim to.");
                // Not moved yet when the verdict is only proposed: it waits for a second person (202).
                return await mediator.AnswerAsync(http, new TransitionClaim(id, to, body.Rationale, body.SourceUrl, body.DuplicateOf,
                        QueryParsing.IfMatchVersion(ifMatch, id)),
                    claim => claim.Status == to
                        ? (Results<Ok<ClaimView>, Accepted<ClaimView>>)TypedResults.Ok(claim)
                        : TypedResults.Accepted($"/api/v1/claims/{id}", claim),
                    claim => claim.Etag, ct);
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

        claims.MapPost("/{id:long}/proposed-verdict/decision", async (long id, VerdictProposalDecisionRequest body,
                [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var decision = body.Decision ?? throw new FieldValidationException("decision", "'decision' is required: approve or sendBack.");
                return await mediator.AnswerAsync(http, new DecideVerdictProposal(id, decision, body.Note, QueryParsing.IfMatchVersion(ifMatch, id)),
                    claim => TypedResults.Ok(claim), claim => claim.Etag, ct);
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

        claims.MapPost("/{id:long}/assignment", (long id, AssignmentRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new AssignClaim(id, body.Assignee, QueryParsing.IfMatchVersion(ifMatch, id)),
                    claim => TypedResults.Ok(claim), claim => claim.Etag, ct))
            .RequireAuthorization(RolePermissions.Assign)
            .WithName("AssignClaim")
            .WithSummary("Assign a reviewer (null unassigns); needs If-Match")
            .WithDescription("A reviewer may take an unassigned claim or drop their own; editors and admins assign anyone. 403 names the assignee.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        claims.MapPost("/{id:long}/comments", (long id, CommentRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new CommentOnClaim(id, body.Text), comment => TypedResults.Created($"/api/v1/claims/{id}/comments", comment), ct))
            .RequireAuthorization(RolePermissions.Comment)
            .WithName("CommentOnClaim")
            .WithSummary("Add a reviewer note (appends; no If-Match needed)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        claims.MapGet("/{id:long}/comments", async (long id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListComments(id, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListComments")
            .WithSummary("The claim's comments, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        claims.MapPost("/{id:long}/evidence/{evidenceId:long}/decision", async (long id, long evidenceId, EvidenceDecisionRequest body,
                [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var decision = body.Decision ?? throw new FieldValidationException("decision", "'decision' is required: accept or reject.");
                return await mediator.AnswerAsync(http, new DecideEvidence(id, evidenceId, decision, body.Note, QueryParsing.IfMatchVersion(ifMatch, id)),
                    result => TypedResults.Ok(result.Evidence), result => result.ClaimETag, ct);
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

        claims.MapPost("/{id:long}/evidence", async (long id, ExternalEvidenceRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var stance = body.Stance ?? throw new FieldValidationException("stance", "'stance' is required: supports, contradicts or mentions.");
                return await mediator.AnswerAsync(http, new AddExternalEvidence(id, body.Url, stance, body.Note, QueryParsing.IfMatchVersion(ifMatch, id)),
                    result => TypedResults.Created($"/api/v1/claims/{id}/evidence", result.Evidence), result => result.ClaimETag, ct);
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
                TypedResults.Ok(await mediator.Send(new GetClaimEvidence(id, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
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
            .WithSummary("The claim's latest schema.org ClaimReview (JSON-LD): live while its verdict stands, withdrawn (saying so) once reopened")
            .WithDescription("409 when the claim never had a verdict, or while ClaimDesk:Desk:Url and ClaimUrlTemplate are not set (the answer names them).")
            .Produces<ClaimReviewJsonLd>(StatusCodes.Status200OK, contentType: "application/ld+json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
