using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Review;

/// <summary>
/// A verdict taking effect publishes a review; an editor reopening the claim withdraws it. Both are written in the same
/// unit of work as the move, so a review is live exactly when its verdict stands.
/// </summary>
internal static class ReviewPublication
{
    /// <summary>Records what is published now, and marks the claim's earlier reviews superseded by it.</summary>
    public static async Task PublishAsync(ClaimDeskDbContext db, Claim claim, ICurrentActor actor, DateTime now, CancellationToken ct)
    {
        var review = new PublishedReview
        {
            Claim = claim,
            ClaimId = claim.Id,
            Verdict = claim.Status,
            ClaimText = claim.Text,
            Claimant = claim.Claimant,
            Kind = claim.Kind,
            Rationale = claim.Rationale!,
            SourceUrl = claim.RationaleSourceUrl,
            Citations = await CitationsAsync(db, claim, ct),
            PublishedAt = now,
            PublishedBy = actor.Name,
            State = ReviewState.Published,
            UpdatedAt = now,
        };
        var earlier = await db.PublishedReviews.Where(r => r.ClaimId == claim.Id && r.State != ReviewState.Superseded).ToListAsync(ct);
        foreach (var previous in earlier) previous.SupersedeBy(review, now);
        db.PublishedReviews.Add(review);
    }

    /// <summary>The claim's live review is withdrawn, and the claim's audit log says so (the fact a verdict_withdrawn webhook reports).</summary>
    public static async Task WithdrawAsync(ClaimDeskDbContext db, Claim claim, ICurrentActor actor, string? reason, DateTime now, CancellationToken ct)
    {
        var live = await db.PublishedReviews.Where(r => r.ClaimId == claim.Id && r.State == ReviewState.Published).ToListAsync(ct);
        foreach (var review in live)
        {
            review.Withdraw(actor.Name, reason, now);
            ClaimAudit.Record(db, claim, actor, now, new VerdictWithdrawn(
                new ReviewStateOf(review.Id, ReviewState.Published), new ReviewStateOf(review.Id, review.State), new Withdrawal(review.Id, review.Verdict, reason)));
        }
    }

    /// <summary>
    /// The sources the verdict rests on: every accepted evidence (one entry per article or URL) and the source the
    /// rationale cites.
    /// </summary>
    private static async Task<List<ReviewCitation>> CitationsAsync(ClaimDeskDbContext db, Claim claim, CancellationToken ct)
    {
        var accepted = await db.Evidence.AsNoTracking()
            .Where(e => e.ClaimId == claim.Id && e.ReviewState == EvidenceReviewState.Accepted)
            .OrderByDescending(e => e.Score).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.ExternalUrl,
                e.ArticleId,
                ArticleUrl = e.Article == null ? null : e.Article.Url,
                Headline = e.Article == null ? null : e.Article.Title,
                Publisher = e.Article == null ? null : e.Article.Outlet.Name,
                PublishedAt = e.Article == null ? null : e.Article.PublishedAt,
            })
            .ToListAsync(ct);
        var citations = new List<ReviewCitation>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in accepted)
        {
            var key = e.ExternalUrl ?? e.ArticleUrl ?? $"article:{e.ArticleId}";
            if (!seen.Add(key)) continue;
            citations.Add(e.ExternalUrl is { } url
                ? new ReviewCitation(url, null, null, null)
                : new ReviewCitation(e.ArticleUrl, e.Headline, e.Publisher, e.PublishedAt));
        }
        if (claim.RationaleSourceUrl is { } source && seen.Add(source)) citations.Add(new ReviewCitation(source, null, null, null));
        return citations;
    }
}
