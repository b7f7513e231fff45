using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Evidence;

/// <summary>
/// A claim's evidence, one item per related article (and per cited source), best first: accepted before suggested before
/// rejected, then by score; each with the passages that decided it. The latest gathering run says what was looked at.
/// </summary>
public sealed record GetClaimEvidence(long ClaimId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<ClaimEvidencePage>, IPagedQuery;

public sealed class GetClaimEvidenceValidator : PagedQueryValidator<GetClaimEvidence>;

public sealed class GetClaimEvidenceHandler(ClaimDeskDbContext db) : IQueryHandler<GetClaimEvidence, ClaimEvidencePage>
{
    public async ValueTask<ClaimEvidencePage> Handle(GetClaimEvidence query, CancellationToken ct)
    {
        var claimOutlet = await db.Claims.AsNoTracking().Where(c => c.Id == query.ClaimId).Select(c => c.Article.Outlet)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Claim", query.ClaimId);
        var evidence = db.Evidence.AsNoTracking().Where(e => e.ClaimId == query.ClaimId);
        var total = await evidence.CountAsync(ct);
        var rows = await evidence
            .OrderBy(e => e.ReviewState == EvidenceReviewState.Accepted ? 0 : e.ReviewState == EvidenceReviewState.Suggested ? 1 : 2)
            .ThenByDescending(e => e.Score).ThenBy(e => e.Id)
            .Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Include(e => e.Article!).ThenInclude(a => a.Outlet)
            .ToListAsync(ct);
        var independence = await EvidenceIndependence.ForAsync(db, claimOutlet, rows.Select(e => e.ExternalUrl), ct);
        var texts = await PassageTextsAsync(db, rows, ct);
        var gathering = await db.GatheringRuns.AsNoTracking()
            .Where(r => r.ClaimId == query.ClaimId && r.Kind == GatheringKind.Gathering)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return new ClaimEvidencePage(rows.Select(e => ToView(e, independence.DependenceOf(e), texts)).ToList(),
            query.Page, query.PageSize, total, gathering is null ? null : ToView(gathering));
    }

    /// <summary>The evidence as the API shows it, with the independence judged now (<paramref name="dependence"/>: null when independent).</summary>
    internal static EvidenceView ToView(Domain.Evidence e, string? dependence, IReadOnlyDictionary<long, string> passageTexts) => new(
        e.Id, e.ClaimId,
        e.Article is { } a ? new EvidenceArticle(a.Id, a.Title, a.Url, a.PublishedAt, a.Language, new OutletRef(a.Outlet.Id, a.Outlet.Name)) : null,
        e.Passages.Select(p => new EvidencePassage(p.PassageId, p.Index, p.Start, p.End, passageTexts.GetValueOrDefault(p.PassageId, ""), p.Similarity)).ToList(),
        e.ExternalUrl, e.Stance, Math.Round(e.Score, 4), dependence is null, dependence, e.Discrepancies, e.ModelNote, e.Model,
        e.ReviewState, e.ReviewNote, e.ReviewedBy, e.CitedBy, e.CreatedAt, e.JudgedAt);

    internal static GatheringView ToView(GatheringRun r) => new(r.Id, r.Kind, r.StartedAt, r.FinishedAt, Math.Round(r.ElapsedMs, 1),
        r.ArticlesConsidered, r.ArticlesRelated, r.EvidenceAdded, r.Cap, r.CapReached, r.Model);

    /// <summary>One evidence as the API shows it (its article and outlet loaded), judged against the outlets as they are now.</summary>
    internal static async Task<EvidenceView> ViewOfAsync(ClaimDeskDbContext db, Domain.Claim claim, Domain.Evidence evidence, CancellationToken ct)
    {
        var independence = await EvidenceIndependence.ForAsync(db, claim.Article.Outlet, [evidence.ExternalUrl], ct);
        return ToView(evidence, independence.DependenceOf(evidence), await PassageTextsAsync(db, [evidence], ct));
    }

    private static async Task<Dictionary<long, string>> PassageTextsAsync(ClaimDeskDbContext db, IEnumerable<Domain.Evidence> rows, CancellationToken ct)
    {
        var ids = rows.SelectMany(e => e.Passages.Select(p => p.PassageId)).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Passages.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Text, ct);
    }
}
