using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using FluentValidation;
using Mediator;

namespace ClaimDesk.Core.Features.Review;

public enum VerdictProposalDecision { Approve, SendBack }

/// <summary>
/// The second person settles a proposed verdict: approving makes it the claim's verdict (its requirements are checked
/// again, since the evidence may have changed since it was proposed); sending it back leaves the claim inReview without
/// it. Who may is the workflow table's approvers of that verdict — never the person who proposed it.
/// </summary>
public sealed record DecideVerdictProposal(long ClaimId, VerdictProposalDecision Decision, string? Note, int? ExpectedVersion) : ICommand<ClaimView>;

public sealed class DecideVerdictProposalValidator : AbstractValidator<DecideVerdictProposal>
{
    public DecideVerdictProposalValidator()
    {
        RuleFor(d => d.Decision).IsInEnum();
        RuleFor(d => d.Note).NotEmpty().When(d => d.Decision == VerdictProposalDecision.SendBack)
            .WithMessage("Sending a verdict back needs a note saying why.");
        RuleFor(d => d.Note).MaximumLength(4000);
    }
}

public sealed class DecideVerdictProposalHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<DecideVerdictProposal, ClaimView>
{
    public async ValueTask<ClaimView> Handle(DecideVerdictProposal command, CancellationToken ct)
    {
        var claim = await ClaimForChange.LoadAsync(db, command.ClaimId, command.ExpectedVersion, ct);
        if (claim.ProposedVerdict is not { } verdict || claim.ProposedBy is not { } proposer)
            throw new ConflictException("No verdict awaits approval", $"Claim {claim.Id} carries no proposed verdict.");
        // Proposals are cleared by every move, so the claim is still where the verdict was proposed from.
        var move = ClaimWorkflow.Find(claim.Status, verdict) ?? throw new IllegalMoveException(claim.Status, verdict, ClaimWorkflow.MovesFrom(claim.Status));
        if (actor.Role is not { } role || !move.Approvers.Contains(role))
            throw new ForbiddenException($"A proposed verdict is approved or sent back by one of: {move.Approvers.Public()}.", code: "not-an-approver");

        var now = clock.GetUtcNow().UtcDateTime;
        var note = command.Note?.Trim();
        if (command.Decision == VerdictProposalDecision.Approve)
        {
            if (proposer == actor.Name)
                throw new ForbiddenException(
                    $"You proposed this verdict; the desk needs a second person to approve it (an editor or admin other than {proposer}).",
                    new Dictionary<string, object?> { ["proposedBy"] = proposer }, "own-proposal");
            await MoveRequirements.EnsureMetAsync(db, move, claim, duplicateOf: null, claim.ProposedSourceUrl, ct);
            await ClaimMoveEffects.ApplyAsync(db, claim, actor, move, claim.ProposedRationale, claim.ProposedSourceUrl, duplicateOf: null, now,
                new MoveDetail(move.Name, note, ProposedBy: proposer, ApprovedBy: actor.Name), ct);
        }
        else
        {
            var before = ClaimMoveEffects.ProposalOf(claim);
            claim.ClearProposal();
            claim.Touch(now);
            ClaimAudit.Record(db, claim, actor, now, new VerdictSentBack(before, new SentBackNote(note)));
        }
        return ClaimQueries.ToView(claim, await ClaimQueries.SummarizeEvidenceAsync(db, claim, ct));
    }
}
