using System.Text.RegularExpressions;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Review;

/// <summary>
/// A reviewer moves a claim through the workflow: start review, rule a verdict, mark duplicate, reopen. When the desk
/// needs a second person for verdicts, a verdict is only proposed here; <see cref="DecideVerdictProposal"/> settles it.
/// </summary>
public sealed record TransitionClaim(long ClaimId, ClaimStatus To, string? Rationale, string? SourceUrl, long? DuplicateOf, int? ExpectedVersion)
    : ICommand<ClaimView>;

public sealed class TransitionClaimValidator : AbstractValidator<TransitionClaim>
{
    public TransitionClaimValidator()
    {
        RuleFor(t => t.To).IsInEnum();
        RuleFor(t => t.Rationale).NotEmpty().When(t => ClaimWorkflow.RequiresRationale(t.To))
            .WithMessage("A verdict needs a rationale.");
        RuleFor(t => t.Rationale).MaximumLength(8000).ProseText();
        RuleFor(t => t.SourceUrl).Must(UrlRules.IsHttpUrl).When(t => t.SourceUrl is not null)
            .WithMessage("'Source Url' must be an absolute http or https URL.").MaximumLength(2048);
        RuleFor(t => t.DuplicateOf).NotNull().When(t => t.To == ClaimStatus.Duplicate)
            .WithMessage("Marking a claim duplicate needs the id of the claim it duplicates.");
        RuleFor(t => t.DuplicateOf).Must((t, of) => of != t.ClaimId).When(t => t.DuplicateOf is not null)
            .WithMessage("A claim cannot duplicate itself.");
    }
}

public sealed partial class TransitionClaimHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor, IOptions<ReviewOptions> review)
    : ICommandHandler<TransitionClaim, ClaimView>
{
    public async ValueTask<ClaimView> Handle(TransitionClaim command, CancellationToken ct)
    {
        var claim = await ClaimForChange.LoadAsync(db, command.ClaimId, command.ExpectedVersion, ct);
        var move = ClaimTransitionGuard.EnsureAllowed(claim.Status, command.To, actor);
        ClaimAssignment.EnsureMayWorkOn(claim, actor, "move it");
        var sourceUrl = command.SourceUrl ?? FirstUrl(command.Rationale);
        var now = clock.GetUtcNow().UtcDateTime;

        if (move.NeedsApproval(review.Value.VerdictsNeedSecondPerson))
        {
            // A second proposal would silently replace someone else's: theirs is settled first (its proposer may amend it).
            if (claim.ProposedBy is { } proposer && proposer != actor.Name)
                throw new ConflictException("A verdict awaits approval",
                    $"Claim {claim.Id} carries a verdict proposed by {proposer} ({claim.ProposedVerdict.Public()}); an editor or admin approves it or sends it back first.",
                    new Dictionary<string, object?> { ["proposedBy"] = proposer, ["proposedVerdict"] = claim.ProposedVerdict });
            await MoveRequirements.EnsureMetAsync(db, move, claim, command.DuplicateOf, sourceUrl, ct);
            Propose(claim, move, command.Rationale!.Trim(), sourceUrl, now);
        }
        else
        {
            await MoveRequirements.EnsureMetAsync(db, move, claim, command.DuplicateOf, sourceUrl, ct);
            await ClaimMoveEffects.ApplyAsync(db, claim, actor, move, command.Rationale, sourceUrl, command.DuplicateOf, now,
                new MoveDetail(move.Name, command.To.IsVerdict() ? null : command.Rationale), ct);
        }
        return ClaimQueries.ToView(claim, await ClaimQueries.SummarizeEvidenceAsync(db, claim, ct));
    }

    /// <summary>The claim stays inReview, carrying the verdict, until a second person approves it or sends it back.</summary>
    private void Propose(Claim claim, ClaimMove move, string rationale, string? sourceUrl, DateTime now)
    {
        var before = ClaimMoveEffects.ProposalOf(claim);
        claim.ProposedVerdict = move.To;
        claim.ProposedRationale = rationale;
        claim.ProposedSourceUrl = sourceUrl;
        claim.ProposedBy = actor.Name;
        claim.ProposedAt = now;
        claim.Touch(now);
        ClaimAudit.Record(db, claim, actor, now, new VerdictProposed(before, ClaimMoveEffects.ProposalOf(claim)!, new ProposalDetail(move.Name, move.Approvers.ToList())));
    }

    private static string? FirstUrl(string? text) => text is null ? null : UrlPattern().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"https?://[^\s)\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
