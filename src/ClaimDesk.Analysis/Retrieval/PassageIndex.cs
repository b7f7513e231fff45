using System.Numerics.Tensors;
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Retrieval;

/// <summary>
/// Hybrid search over passages: BM25 over the analysed terms and cosine similarity over embeddings, fused by
/// reciprocal rank. Below <see cref="ExactSemanticLimit"/> passages every vector is compared (exact semantic recall,
/// so a paraphrase sharing no word is still found); above it, semantic scoring is restricted to the lexical
/// candidates, which keeps latency near-flat as the corpus grows at the cost of paraphrases that share no rare term.
/// Passages are kept whole and grouped by article, so search can answer with candidate articles and each candidate's
/// passages can be handed to a stance model without another read.
/// Thread-safe: any number of searches run while passages are added.
/// </summary>
public sealed class PassageIndex
{
    public const int ExactSemanticLimit = 150_000;
    private const int LexicalCandidates = 2_000;
    private const int RrfK = 60;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Bm25Postings _postings = new();
    private readonly List<IndexedPassage> _passages = [];
    private readonly Dictionary<long, List<int>> _slotsByArticle = [];

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _passages.Count; } finally { _lock.ExitReadLock(); }
        }
    }

    public void Add(IndexedPassage passage) => AddRange([passage]);

    public void AddRange(IEnumerable<IndexedPassage> passages)
    {
        // Analyse outside the lock; only the appends need it.
        var prepared = passages.Select(p => (Passage: p, Terms: EnglishAnalyzer.Terms(p.Text))).ToList();
        _lock.EnterWriteLock();
        try
        {
            foreach (var (passage, terms) in prepared)
            {
                var slot = _passages.Count;
                _postings.Add(slot, terms);
                _passages.Add(passage);
                if (!_slotsByArticle.TryGetValue(passage.ArticleId, out var slots)) _slotsByArticle[passage.ArticleId] = slots = [];
                slots.Add(slot);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <param name="articleFilter">Keeps only passages of articles for which it returns true (e.g. not the claim's own).</param>
    public IReadOnlyList<RetrievalHit> Search(string queryText, float[] queryVector, int topK, Func<long, bool>? articleFilter = null)
    {
        var terms = EnglishAnalyzer.Terms(queryText);
        _lock.EnterReadLock();
        try
        {
            if (_passages.Count == 0 || topK <= 0) return [];
            var (fused, lexical) = Fuse(terms, queryVector, articleFilter);
            return fused.OrderByDescending(kv => kv.Value).Take(topK)
                .Select(kv => new RetrievalHit(_passages[kv.Key].PassageId, _passages[kv.Key].ArticleId, kv.Value, lexical.GetValueOrDefault(kv.Key),
                    TensorPrimitives.Dot(queryVector, _passages[kv.Key].Vector)))
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The articles whose passages the hybrid search ranks highest, best first: each article scores as its best passage.
    /// Meant to hand a stance model generously many candidates — the model, not the rank, decides which are related.
    /// </summary>
    public IReadOnlyList<ArticleCandidate> SearchArticles(string queryText, float[] queryVector, int maxArticles, Func<long, bool>? articleFilter = null)
    {
        var terms = EnglishAnalyzer.Terms(queryText);
        _lock.EnterReadLock();
        try
        {
            if (_passages.Count == 0 || maxArticles <= 0) return [];
            var (fused, _) = Fuse(terms, queryVector, articleFilter);
            var byArticle = new Dictionary<long, (double Score, int Passages, double Similarity)>();
            foreach (var (slot, score) in fused)
            {
                var passage = _passages[slot];
                var similarity = (double)TensorPrimitives.Dot(queryVector, passage.Vector);
                byArticle[passage.ArticleId] = byArticle.TryGetValue(passage.ArticleId, out var seen)
                    ? (Math.Max(seen.Score, score), seen.Passages + 1, Math.Max(seen.Similarity, similarity))
                    : (score, 1, similarity);
            }
            return byArticle.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Key).Take(maxArticles)
                .Select(kv => new ArticleCandidate(kv.Key, kv.Value.Score, kv.Value.Passages, kv.Value.Similarity))
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The passages of one article in the order they were added (their order in the article); empty when unknown.</summary>
    public IReadOnlyList<IndexedPassage> PassagesOf(long articleId)
    {
        _lock.EnterReadLock();
        try
        {
            return _slotsByArticle.TryGetValue(articleId, out var slots) ? slots.Select(s => _passages[s]).ToList() : [];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Reciprocal-rank fusion of the lexical and the semantic ranking (caller holds the read lock).</summary>
    private (Dictionary<int, double> Fused, Dictionary<int, double> Lexical) Fuse(IReadOnlyList<string> terms, float[] queryVector, Func<long, bool>? articleFilter)
    {
        var count = _passages.Count;
        var lexical = new Dictionary<int, double>();
        _postings.Score(terms, lexical, maxPostingsPerTerm: Math.Max(1_000, count / 10));
        var lexicalRanked = lexical.Where(kv => Keep(kv.Key, articleFilter))
            .OrderByDescending(kv => kv.Value).Take(LexicalCandidates).ToList();

        var semantic = count <= ExactSemanticLimit
            ? ScoreAll(queryVector, articleFilter)
            : lexicalRanked.Select(kv => (Doc: kv.Key, Similarity: (double)TensorPrimitives.Dot(queryVector, _passages[kv.Key].Vector))).ToList();
        var semanticRanked = semantic.OrderByDescending(s => s.Similarity).Take(LexicalCandidates).ToList();

        var fused = new Dictionary<int, double>();
        for (var rank = 0; rank < lexicalRanked.Count; rank++) fused[lexicalRanked[rank].Key] = 1.0 / (RrfK + rank + 1);
        for (var rank = 0; rank < semanticRanked.Count; rank++)
            fused[semanticRanked[rank].Doc] = fused.GetValueOrDefault(semanticRanked[rank].Doc) + 1.0 / (RrfK + rank + 1);
        return (fused, lexical);
    }

    private bool Keep(int doc, Func<long, bool>? articleFilter) => articleFilter is null || articleFilter(_passages[doc].ArticleId);

    private List<(int Doc, double Similarity)> ScoreAll(float[] queryVector, Func<long, bool>? articleFilter)
    {
        var results = new List<(int, double)>(_passages.Count);
        for (var doc = 0; doc < _passages.Count; doc++)
        {
            if (!Keep(doc, articleFilter)) continue;
            results.Add((doc, TensorPrimitives.Dot(queryVector, _passages[doc].Vector)));
        }
        return results;
    }
}
