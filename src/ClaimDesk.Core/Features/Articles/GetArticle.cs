using ClaimDesk.Core.Data;
using Mediator;

namespace ClaimDesk.Core.Features.Articles;

public sealed record GetArticle(long Id) : IQuery<ArticleDetail>;

public sealed class GetArticleHandler(ClaimDeskDbContext db) : IQueryHandler<GetArticle, ArticleDetail>
{
    public async ValueTask<ArticleDetail> Handle(GetArticle query, CancellationToken ct) =>
        await ArticleQueries.GetDetailAsync(db, query.Id, ct);
}
