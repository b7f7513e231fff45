using ClaimDesk.Analysis.Embeddings;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Jobs;
using ClaimDesk.Core.Infrastructure.Embeddings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>
/// Job: embeds an article's passages and marks it indexed, so every node's search index picks it up; then queues
/// the match of this new article against the desk's open and decided claims. Safe to run twice.
/// </summary>
public sealed record IndexArticle(long ArticleId) : ICommand<bool>;

public sealed class IndexArticleHandler(ClaimDeskDbContext db, ITextEmbedder embedder, TimeProvider clock, IAfterCommit afterCommit, IJobScheduler jobs)
    : ICommandHandler<IndexArticle, bool>
{
    private const int EmbeddingBatch = 64;

    public async ValueTask<bool> Handle(IndexArticle command, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Passages).FirstOrDefaultAsync(a => a.Id == command.ArticleId, ct);
        if (article is null || article.State != ArticleState.Registered) return false;

        var passages = article.Passages.OrderBy(p => p.Index).ToList();
        // In batches: one call for a long article (thousands of passages) makes the ONNX runtime hold gigabytes it keeps.
        foreach (var batch in passages.Chunk(EmbeddingBatch))
        {
            var vectors = embedder.Embed(batch.Select(p => p.Text).ToList());
            for (var i = 0; i < batch.Length; i++) batch[i].Embedding = VectorBytes.From(vectors[i]);
        }
        article.State = ArticleState.Indexed;
        article.IndexedAt = clock.GetUtcNow().UtcDateTime;
        article.Touch(article.IndexedAt.Value);
        afterCommit.Add(() => jobs.MatchArticle(article.Id));
        return true;
    }
}
