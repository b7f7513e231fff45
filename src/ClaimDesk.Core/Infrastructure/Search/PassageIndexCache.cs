using System.Collections.Concurrent;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Analysis.Retrieval;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Embeddings;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Infrastructure.Search;

/// <summary>
/// This node's search index over every indexed passage, with what the stance model needs of each article (its
/// passages in order with their offsets and vectors, its date and language). The database is the truth; the index is a
/// cache each process builds from it and tops up before each search, so any number of workers can search without
/// sharing memory, and a restarted worker simply rebuilds. An article's text never changes once indexed, so nothing
/// cached goes stale.
/// </summary>
public sealed class PassageIndexCache
{
    // Articles indexed close together can commit out of order; re-reading a short overlap (deduplicated by article id) covers it.
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private const int LoadBatch = 200;

    private sealed record ArticleFacts(string Title, DateOnly? PublishedAt, string Language);

    private readonly PassageIndex _index = new();
    private readonly ConcurrentDictionary<long, ArticleFacts> _articles = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private DateTime _watermark = DateTime.MinValue;

    public PassageIndex Index => _index;

    /// <summary>An indexed article as the stance model reads it; null when this node has not loaded it.</summary>
    public StanceArticle? ArticleFor(long articleId)
    {
        if (!_articles.TryGetValue(articleId, out var facts)) return null;
        var passages = _index.PassagesOf(articleId);
        return new StanceArticle(facts.Title, null,
            passages.Select(p => new StancePassage(p.Index, p.Start, p.End, p.Text, p.Vector)).ToList(), facts.PublishedAt, facts.Language);
    }

    /// <summary>The passage ids of an article by their index in it (to store which passages decided a stance).</summary>
    public IReadOnlyDictionary<int, long> PassageIdsOf(long articleId) =>
        _index.PassagesOf(articleId).ToDictionary(p => p.Index, p => p.PassageId);

    /// <summary>Adds the passages of articles indexed since the last call.</summary>
    public async Task EnsureCurrentAsync(ClaimDeskDbContext db, CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            while (true)
            {
                var since = _watermark == DateTime.MinValue ? DateTime.MinValue : _watermark - Overlap;
                var batch = await db.Articles.AsNoTracking()
                    .Where(a => a.State == ArticleState.Indexed && a.IndexedAt >= since)
                    .OrderBy(a => a.IndexedAt).ThenBy(a => a.Id)
                    .Select(a => new { a.Id, a.IndexedAt, a.Title, a.PublishedAt, a.Language })
                    .ToListAsync(ct);
                var fresh = batch.Where(a => !_articles.ContainsKey(a.Id)).Take(LoadBatch).ToList();
                if (fresh.Count == 0) return;

                var ids = fresh.Select(a => a.Id).ToList();
                var passages = await db.Passages.AsNoTracking()
                    .Where(p => ids.Contains(p.ArticleId) && p.Embedding != null)
                    .OrderBy(p => p.ArticleId).ThenBy(p => p.Index)
                    .Select(p => new { p.Id, p.ArticleId, p.Index, p.Start, p.End, p.Text, p.Embedding })
                    .ToListAsync(ct);
                _index.AddRange(passages.Select(p => new IndexedPassage(p.Id, p.ArticleId, p.Text, VectorBytes.ToVector(p.Embedding!), p.Index, p.Start, p.End)));
                foreach (var a in fresh) _articles[a.Id] = new ArticleFacts(a.Title, a.PublishedAt, a.Language);
                var newest = fresh.Max(a => a.IndexedAt) ?? _watermark;
                if (newest > _watermark) _watermark = newest;
                if (fresh.Count < LoadBatch) return;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }
}
