using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ClaimDesk.Core.Infrastructure.Claims;

/// <summary>What registering a claim needs to know about its article: whether it has text, the text, and its outlet.</summary>
public sealed record ClaimSource(long ArticleId, ArticleState State, string Text, long OutletId, string OutletName)
{
    public bool HasText => State is not (ArticleState.PendingFetch or ArticleState.FetchFailed);
}

/// <summary>
/// Articles are never edited once they have text (a changed text is a new article, by content hash) and outlets are
/// never renamed, so the article a claim quotes can be kept in memory instead of read for every registration. Only
/// articles with text are kept: one still being fetched changes state. Bounded by total text length.
/// </summary>
public sealed class ClaimSourceCache : IDisposable
{
    /// <summary>About 64 MB of article text (UTF-16).</summary>
    private const long MaxCachedCharacters = 32L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxCachedCharacters });

    private static readonly Func<ClaimDeskDbContext, long, Task<ClaimSource?>> Load =
        EF.CompileAsyncQuery((ClaimDeskDbContext db, long id) => db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new ClaimSource(a.Id, a.State, a.Text, a.OutletId, a.Outlet.Name))
            .FirstOrDefault());

    /// <param name="db">Leased only on a miss.</param>
    /// <param name="remember">
    /// False inside a transaction that may still roll back (a bulk import's chunk): an article read there may never be
    /// committed, and its id could be given to another article.
    /// </param>
    public async ValueTask<ClaimSource?> GetAsync(Lazy<ClaimDeskDbContext> db, long articleId, bool remember = true)
    {
        if (_cache.TryGetValue(articleId, out ClaimSource? cached)) return cached;
        var source = await Load(db.Value, articleId);
        if (remember && source is { HasText: true })
            _cache.Set(articleId, source, new MemoryCacheEntryOptions { Size = Math.Max(1, source.Text.Length) });
        return source;
    }

    public void Dispose() => _cache.Dispose();
}
