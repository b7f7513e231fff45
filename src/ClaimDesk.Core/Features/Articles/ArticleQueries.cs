using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Articles;

/// <summary>Read-side shaping of articles, shared by the article queries and commands that answer with an article.</summary>
internal static class ArticleQueries
{
    public static async Task<ArticleDetail> GetDetailAsync(ClaimDeskDbContext db, long id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Include(a => a.Outlet)
            .Include(a => a.Passages.OrderBy(p => p.Index))
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("Article", id);
        return ToDetail(article);
    }

    public static ArticleDetail ToDetail(Article a) => new(
        a.Id, new OutletRef(a.Outlet.Id, a.Outlet.Name), a.Url, a.Title, a.PublishedAt, a.Language, a.State, a.FailureReason,
        a.ContentHash, a.CreatedAt, a.UpdatedAt, a.IndexedAt, a.Text,
        a.Passages.OrderBy(p => p.Index).Select(p => new PassageView(p.Id, p.Index, p.Paragraph, p.Start, p.End, p.Text)).ToList());
}
