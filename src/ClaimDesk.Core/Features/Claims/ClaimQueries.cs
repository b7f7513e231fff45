using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;
using ClaimDesk.Core.Features.Evidence;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>Read-side shaping of a claim, shared by the query and by commands that answer with the claim.</summary>
internal static class ClaimQueries
{
    public static async Task<ClaimView> GetViewAsync(ClaimDeskDbContext db, long id, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Article).ThenInclude(a => a.Outlet)
            .FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Claim", id);
        var summary = await SummarizeEvidenceAsync(db, claim, ct);
        return ToView(claim, summary);
    }

    /// <summary>Counts the evidence of a claim (its article's outlet loaded); independence is judged now, from the outlets as they are.</summary>
    public static async Task<EvidenceSummary> SummarizeEvidenceAsync(ClaimDeskDbContext db, Claim claim, CancellationToken ct)
    {
        var rows = await EvidenceIndependence.FactsOf(db.Evidence.Where(e => e.ClaimId == claim.Id)).ToListAsync(ct);
        return Summarize(rows, await EvidenceIndependence.ForAsync(db, claim.Article.Outlet, rows.Select(r => r.ExternalUrl), ct));
    }

    /// <summary>
    /// The evidence summaries of several claims (a page of the work queue) in two queries; a claim without evidence gets
    /// zeros. Independence is judged per claim, against its own outlet, as for one claim.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, EvidenceSummary>> SummarizeEvidenceAsync(
        ClaimDeskDbContext db, IReadOnlyCollection<long> claimIds, CancellationToken ct)
    {
        var outlets = await db.Claims.AsNoTracking().Where(c => claimIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Article.Outlet }).ToDictionaryAsync(c => c.Id, c => c.Outlet, ct);
        var rows = (await EvidenceIndependence.FactsOf(db.Evidence.Where(e => claimIds.Contains(e.ClaimId))).ToListAsync(ct))
            .ToLookup(r => r.ClaimId);
        var summaries = new Dictionary<long, EvidenceSummary>();
        foreach (var (id, outlet) in outlets)
        {
            var claimRows = rows[id].ToList();
            summaries[id] = Summarize(claimRows, await EvidenceIndependence.ForAsync(db, outlet, claimRows.Select(r => r.ExternalUrl), ct));
        }
        return summaries;
    }

    private static EvidenceSummary Summarize(IReadOnlyList<EvidenceFacts> rows, EvidenceIndependence independence) => new(
        rows.Count,
        rows.Count(r => r.Stance == Stance.Supports),
        rows.Count(r => r.Stance == Stance.Contradicts),
        rows.Count(r => r.Stance == Stance.Mentions),
        rows.Count(r => r.Stance == Stance.Supports && independence.DependenceOf(r) is null),
        rows.Count(r => r.ReviewState == EvidenceReviewState.Accepted),
        rows.Count(r => r.ReviewState == EvidenceReviewState.Rejected));

    public static ClaimView ToView(Claim c, EvidenceSummary summary) =>
        ToView(c, new OutletRef(c.Article.Outlet.Id, c.Article.Outlet.Name), summary);

    public static ClaimView ToView(Claim c, OutletRef outlet, EvidenceSummary summary) => new(
        c.Id, c.ArticleId, outlet, c.Text,
        c.QuoteStart is { } s && c.QuoteEnd is { } e ? new QuoteSpan(s, e) : null,
        c.Claimant, c.Kind, c.CheckWorthiness, c.Status, c.Assignee, c.Verdict, c.Rationale, c.RationaleSourceUrl,
        c.DuplicateOfId, c.HasNewEvidence, c.Version, ETag.For(c.Id, c.Version), c.CreatedAt, c.UpdatedAt, c.DecidedAt, summary,
        c.ProposedVerdict is { } verdict
            ? new VerdictProposal(verdict, c.ProposedRationale!, c.ProposedSourceUrl, c.ProposedBy!, c.ProposedAt!.Value)
            : null);
}
