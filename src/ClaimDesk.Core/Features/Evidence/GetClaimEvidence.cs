using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Features.Articles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Evidence;

/// <summary>A claim's evidence, best first: accepted before suggested before rejected, then by score.</summary>
public sealed record GetClaimEvidence(long ClaimId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<EvidenceView>>, IPagedQuery;

public sealed class GetClaimEvidenceValidator : PagedQueryValidator<GetClaimEvidence>;

public sealed class GetClaimEvidenceHandler(ClaimDeskDbContext db) : IQueryHandler<GetClaimEvidence, PagedResult<EvidenceView>>
{
    public async ValueTask<PagedResult<EvidenceView>> Handle(GetClaimEvidence query, CancellationToken ct)
    {
        var claimOutlet = await db.Claims.AsNoTracking().Where(c => c.Id == query.ClaimId).Select(c => c.Article.Outlet)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Claim", query.ClaimId);
        var rows = await db.Evidence.AsNoTracking().Where(e => e.ClaimId == query.ClaimId)
            .Include(e => e.Passage!).ThenInclude(p => p.Article).ThenInclude(a => a.Outlet)
            .ToListAsync(ct);
        var independence = await EvidenceIndependence.ForAsync(db, claimOutlet, rows.Select(e => e.ExternalUrl), ct);
        return rows
            .OrderBy(e => e.ReviewState switch { Domain.EvidenceReviewState.Accepted => 0, Domain.EvidenceReviewState.Suggested => 1, _ => 2 })
            .ThenByDescending(e => e.Score).ThenBy(e => e.Id)
            .Select(e => ToView(e, independence.DependenceOf(e))).ToList()
            .ToPage(query); // ordered by a judgement made in memory, so paged in memory too
    }

    /// <summary>The evidence as the API shows it, with the independence judged now (<paramref name="dependence"/>: null when independent).</summary>
    internal static EvidenceView ToView(Domain.Evidence e, string? dependence) => new(
        e.Id, e.ClaimId,
        e.Passage is { } p ? new EvidenceArticle(p.Article.Id, p.Article.Title, p.Article.Url, p.Article.PublishedAt, new OutletRef(p.Article.Outlet.Id, p.Article.Outlet.Name)) : null,
        e.Passage is { } q ? new EvidencePassage(q.Id, q.Start, q.End, q.Text) : null,
        e.ExternalUrl, e.Stance, Math.Round(e.Score, 4), dependence is null, dependence, e.Discrepancies,
        e.ReviewState, e.ReviewNote, e.ReviewedBy, e.CitedBy, e.CreatedAt);

    /// <summary>One evidence as the API shows it, judged against the outlets as they are now.</summary>
    internal static async Task<EvidenceView> ViewOfAsync(ClaimDeskDbContext db, Domain.Claim claim, Domain.Evidence evidence, CancellationToken ct)
    {
        var independence = await EvidenceIndependence.ForAsync(db, claim.Article.Outlet, [evidence.ExternalUrl], ct);
        return ToView(evidence, independence.DependenceOf(evidence));
    }
}
