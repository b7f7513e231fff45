using ClaimDesk.Analysis.Retrieval;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>
/// This node's search index over every indexed passage. The database is the truth (passages with their embeddings);
/// the index is a cache each process builds from it and tops up before each search, so any number of workers can
/// search without sharing memory, and a restarted worker simply rebuilds.
/// </summary>
public sealed class PassageIndexCache
{
    // Articles indexed close together can commit out of order; re-reading a short overlap (deduplicated by article id) covers it.
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private const int LoadBatch = 200;

    private readonly PassageIndex _index = new();
    private readonly HashSet<long> _loadedArticles = [];
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private DateTime _watermark = DateTime.MinValue;

    public PassageIndex Index => _index;

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
                    .Select(a => new { a.Id, a.IndexedAt })
                    .ToListAsync(ct);
                List<long> fresh;
                lock (_loadedArticles) fresh = batch.Where(a => !_loadedArticles.Contains(a.Id)).Select(a => a.Id).Take(LoadBatch).ToList();
                if (fresh.Count == 0) return;

                var passages = await db.Passages.AsNoTracking()
                    .Where(p => fresh.Contains(p.ArticleId) && p.Embedding != null)
                    .Select(p => new { p.Id, p.ArticleId, p.Text, p.Embedding })
                    .ToListAsync(ct);
                _index.AddRange(passages.Select(p => new IndexedPassage(p.Id, p.ArticleId, p.Text, VectorBytes.ToVector(p.Embedding!))));
                lock (_loadedArticles) foreach (var id in fresh) _loadedArticles.Add(id);
                var newest = batch.Where(a => fresh.Contains(a.Id)).Max(a => a.IndexedAt) ?? _watermark;
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
