using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;

namespace ClaimDesk.Core.Features.Review;

/// <summary>What a move does to a claim, and the audit entry that records it: shared by a move made at once and a proposed verdict approved later.</summary>
internal static class ClaimMoveEffects
{
    public static async Task ApplyAsync(ClaimDeskDbContext db, Claim claim, ICurrentActor actor, ClaimMove move,
        string? rationale, string? sourceUrl, long? duplicateOf, DateTime now, MoveDetail detail, CancellationToken ct)
    {
        var from = claim.Status;
        var before = BeforeOf(claim);
        claim.Status = move.To;
        if (move.To.IsVerdict())
        {
            claim.Rationale = rationale!.Trim();
            claim.RationaleSourceUrl = sourceUrl;
            claim.DecidedAt = now;
            claim.HasNewEvidence = false;
        }
        else if (from.IsVerdict())
        {
            // Reopened: the verdict stands in the audit log, not on the claim.
            claim.Rationale = null;
            claim.RationaleSourceUrl = null;
            claim.DecidedAt = null;
        }
        claim.DuplicateOfId = move.To == ClaimStatus.Duplicate ? duplicateOf : null;
        // Whatever moves the claim on settles a verdict that was waiting for approval; the log keeps it (before).
        claim.ClearProposal();
        claim.Touch(now);
        ClaimAudit.Record(db, claim, actor, now,
            new StatusChanged(before, new StatusAfter(claim.Status, claim.Rationale, sourceUrl, claim.DuplicateOfId), detail));
        // A verdict taking effect is a publication; reopening takes the publication back (the reopen's note says why).
        if (move.To.IsVerdict()) await ReviewPublication.PublishAsync(db, claim, actor, now, ct);
        else if (from.IsVerdict()) await ReviewPublication.WithdrawAsync(db, claim, actor, rationale?.Trim(), now, ct);
    }

    public static ProposalState? ProposalOf(Claim claim) => claim.ProposedVerdict is { } verdict
        ? new ProposalState(verdict, claim.ProposedRationale!, claim.ProposedSourceUrl, claim.ProposedBy!, claim.ProposedAt!.Value)
        : null;

    private static StatusBefore BeforeOf(Claim claim) => new(claim.Status, claim.Rationale, claim.DuplicateOfId, ProposalOf(claim));
}
