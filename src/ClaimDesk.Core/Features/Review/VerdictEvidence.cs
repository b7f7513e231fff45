using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Review;

/// <summary>The evidence a verdict rests on: one definition for the move itself and for the screen that offers it.</summary>
internal static class VerdictEvidence
{
    /// <summary>verified needs an accepted supporting evidence from an independent outlet.</summary>
    public static Task<bool> HasAcceptedIndependentSupportAsync(ClaimDeskDbContext db, long claimId, CancellationToken ct) =>
        db.Evidence.AnyAsync(e => e.ClaimId == claimId
            && e.Stance == Stance.Supports && e.Independent && e.ReviewState == EvidenceReviewState.Accepted, ct);

    /// <summary>disputed needs an accepted contradicting evidence, or else a rationale citing a source.</summary>
    public static Task<bool> HasAcceptedContradictionAsync(ClaimDeskDbContext db, long claimId, CancellationToken ct) =>
        db.Evidence.AnyAsync(e => e.ClaimId == claimId
            && e.Stance == Stance.Contradicts && e.ReviewState == EvidenceReviewState.Accepted, ct);
}
