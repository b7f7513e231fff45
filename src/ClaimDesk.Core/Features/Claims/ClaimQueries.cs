using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>Read-side shaping of a claim, shared by the query and by commands that answer with the claim.</summary>
internal static class ClaimQueries
{
    public static async Task<ClaimView> GetViewAsync(ClaimDeskDbContext db, long id, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Article).ThenInclude(a => a.Outlet)
            .FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Claim", id);
        var summary = await SummarizeEvidenceAsync(db, id, ct);
        return ToView(claim, summary);
    }

    public static async Task<EvidenceSummary> SummarizeEvidenceAsync(ClaimDeskDbContext db, long claimId, CancellationToken ct)
    {
        var rows = await db.Evidence.AsNoTracking().Where(e => e.ClaimId == claimId)
            .GroupBy(e => new { e.Stance, e.Independent, e.ReviewState })
            .Select(g => new EvidenceCount(claimId, g.Key.Stance, g.Key.Independent, g.Key.ReviewState, g.Count()))
            .ToListAsync(ct);
        return Summarize(rows);
    }

    /// <summary>The evidence summaries of several claims in one query (a page of the work queue); a claim without evidence gets zeros.</summary>
    public static async Task<IReadOnlyDictionary<long, EvidenceSummary>> SummarizeEvidenceAsync(
        ClaimDeskDbContext db, IReadOnlyCollection<long> claimIds, CancellationToken ct)
    {
        var rows = await db.Evidence.AsNoTracking().Where(e => claimIds.Contains(e.ClaimId))
            .GroupBy(e => new { e.ClaimId, e.Stance, e.Independent, e.ReviewState })
            .Select(g => new EvidenceCount(g.Key.ClaimId, g.Key.Stance, g.Key.Independent, g.Key.ReviewState, g.Count()))
            .ToListAsync(ct);
        var byClaim = rows.ToLookup(r => r.ClaimId);
        return claimIds.Distinct().ToDictionary(id => id, id => Summarize(byClaim[id].ToList()));
    }

    private sealed record EvidenceCount(long ClaimId, Stance Stance, bool Independent, EvidenceReviewState ReviewState, int Count);

    private static EvidenceSummary Summarize(IReadOnlyList<EvidenceCount> rows) => new(
        rows.Sum(r => r.Count),
        rows.Where(r => r.Stance == Stance.Supports).Sum(r => r.Count),
        rows.Where(r => r.Stance == Stance.Contradicts).Sum(r => r.Count),
        rows.Where(r => r.Stance == Stance.Mentions).Sum(r => r.Count),
        rows.Where(r => r.Stance == Stance.Supports && r.Independent).Sum(r => r.Count),
        rows.Where(r => r.ReviewState == EvidenceReviewState.Accepted).Sum(r => r.Count),
        rows.Where(r => r.ReviewState == EvidenceReviewState.Rejected).Sum(r => r.Count));

    public static ClaimView ToView(Claim c, EvidenceSummary summary) =>
        ToView(c, new OutletRef(c.Article.Outlet.Id, c.Article.Outlet.Name), summary);

    public static ClaimView ToView(Claim c, OutletRef outlet, EvidenceSummary summary) => new(
        c.Id, c.ArticleId, outlet, c.Text,
        c.QuoteStart is { } s && c.QuoteEnd is { } e ? new QuoteSpan(s, e) : null,
        c.Claimant, c.Kind, c.CheckWorthiness, c.Status, c.Assignee, c.Verdict, c.Rationale, c.RationaleSourceUrl,
        c.DuplicateOfId, c.HasNewEvidence, c.Version, ETag.For(c.Id, c.Version), c.CreatedAt, c.UpdatedAt, c.DecidedAt, summary);
}
