using ClaimDesk.Analysis;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Articles;

public sealed record ArticleClaim(long Id, string Text, int? QuoteStart, int? QuoteEnd, ClaimKind Kind, ClaimStatus Status);

/// <summary>The claims registered from an article, oldest first: a sentence already registered is not offered again.</summary>
public sealed record ListArticleClaims(long ArticleId) : IQuery<IReadOnlyList<ArticleClaim>>;

public sealed class ListArticleClaimsHandler(ClaimDeskDbContext db) : IQueryHandler<ListArticleClaims, IReadOnlyList<ArticleClaim>>
{
    public async ValueTask<IReadOnlyList<ArticleClaim>> Handle(ListArticleClaims query, CancellationToken ct)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == query.ArticleId, ct)) throw new NotFoundException("Article", query.ArticleId);
        return await db.Claims.AsNoTracking().Where(c => c.ArticleId == query.ArticleId).OrderBy(c => c.Id)
            .Select(c => new ArticleClaim(c.Id, c.Text, c.QuoteStart, c.QuoteEnd, c.Kind, c.Status))
            .ToListAsync(ct);
    }
}
