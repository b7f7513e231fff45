using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Evidence;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Review;

/// <summary>
/// Checks what a move needs beyond the right role (<see cref="MoveRequirement"/>), against the claim as it is now:
/// when a verdict is asked for, and again when a proposed verdict is approved (its evidence may have changed since).
/// </summary>
internal static class MoveRequirements
{
    public static async Task EnsureMetAsync(ClaimDeskDbContext db, ClaimMove move, Claim claim, long? duplicateOf, string? sourceUrl, CancellationToken ct)
    {
        switch (move.Requirement)
        {
            case MoveRequirement.IndependentSupport:
                if (!await HasAcceptedIndependentSupportAsync(db, claim, ct))
                    throw new ConflictException("Verdict needs independent support",
                        "A claim is verified only with at least one accepted supporting evidence from an independent outlet " +
                        "(another outlet, not of the same owner group, not a syndicated copy). Accept such evidence first, or rule another verdict.",
                        new Dictionary<string, object?> { ["requirement"] = "acceptedIndependentSupport" });
                break;
            case MoveRequirement.ContradictionOrSource:
                if (sourceUrl is null && !await HasAcceptedContradictionAsync(db, claim.Id, ct))
                    throw new ConflictException("Verdict needs a contradiction or a source",
                        "A claim is disputed only with an accepted contradicting evidence, or a rationale citing a source URL (sourceUrl, or a link in the rationale).",
                        new Dictionary<string, object?> { ["requirement"] = "acceptedContradictionOrSourceUrl" });
                break;
            case MoveRequirement.DuplicateOf:
                var original = await db.Claims.AsNoTracking().Where(c => c.Id == duplicateOf)
                    .Select(c => new { c.Status }).FirstOrDefaultAsync(ct);
                if (original is null)
                    throw new FieldValidationException("duplicateOf", $"Claim {duplicateOf} does not exist.");
                if (original.Status == ClaimStatus.Duplicate)
                    throw new FieldValidationException("duplicateOf", $"Claim {duplicateOf} is itself a duplicate; point at the original.");
                break;
        }
    }

    /// <summary>verified needs an accepted supporting evidence from an independent outlet (the claim's article and outlet loaded).</summary>
    public static async Task<bool> HasAcceptedIndependentSupportAsync(ClaimDeskDbContext db, Claim claim, CancellationToken ct)
    {
        var supports = await EvidenceIndependence.FactsOf(db.Evidence.Where(e => e.ClaimId == claim.Id
            && e.Stance == Stance.Supports && e.ReviewState == EvidenceReviewState.Accepted)).ToListAsync(ct);
        var independence = await EvidenceIndependence.ForAsync(db, claim.Article.Outlet, supports.Select(s => s.ExternalUrl), ct);
        return supports.Any(s => independence.DependenceOf(s) is null);
    }

    /// <summary>disputed needs an accepted contradicting evidence, or else a rationale citing a source.</summary>
    public static Task<bool> HasAcceptedContradictionAsync(ClaimDeskDbContext db, long claimId, CancellationToken ct) =>
        db.Evidence.AnyAsync(e => e.ClaimId == claimId && e.Stance == Stance.Contradicts && e.ReviewState == EvidenceReviewState.Accepted, ct);
}
