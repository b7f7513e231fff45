using System.Numerics.Tensors;
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Retrieval;

/// <summary>
/// Hybrid search over passages: BM25 over the analysed terms and cosine similarity over embeddings, fused by
/// reciprocal rank. Below <see cref="ExactSemanticLimit"/> passages every vector is compared (exact semantic recall,
/// so a paraphrase sharing no word is still found); above it, semantic scoring is restricted to the lexical
/// candidates, which keeps latency near-flat as the corpus grows at the cost of paraphrases that share no rare term.
/// Thread-safe: any number of searches run while passages are added.
/// </summary>
public sealed class PassageIndex
{
    public const int ExactSemanticLimit = 150_000;
    private const int LexicalCandidates = 2_000;
    private const int RrfK = 60;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Bm25Postings _postings = new();
    private readonly List<long> _passageIds = [];
    private readonly List<long> _articleIds = [];
    private readonly List<float[]> _vectors = [];

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _passageIds.Count; } finally { _lock.ExitReadLock(); }
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
                _postings.Add(_passageIds.Count, terms);
                _passageIds.Add(passage.PassageId);
                _articleIds.Add(passage.ArticleId);
                _vectors.Add(passage.Vector);
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
            var count = _passageIds.Count;
            if (count == 0 || topK <= 0) return [];

            var lexical = new Dictionary<int, double>();
            _postings.Score(terms, lexical, maxPostingsPerTerm: Math.Max(1_000, count / 10));
            var lexicalRanked = lexical.Where(kv => Keep(kv.Key, articleFilter))
                .OrderByDescending(kv => kv.Value).Take(LexicalCandidates).ToList();

            var semantic = count <= ExactSemanticLimit
                ? ScoreAll(queryVector, articleFilter)
                : lexicalRanked.Select(kv => (Doc: kv.Key, Similarity: (double)TensorPrimitives.Dot(queryVector, _vectors[kv.Key]))).ToList();
            var semanticRanked = semantic.OrderByDescending(s => s.Similarity).Take(LexicalCandidates).ToList();

            var fused = new Dictionary<int, double>();
            for (var rank = 0; rank < lexicalRanked.Count; rank++) fused[lexicalRanked[rank].Key] = 1.0 / (RrfK + rank + 1);
            for (var rank = 0; rank < semanticRanked.Count; rank++)
                fused[semanticRanked[rank].Doc] = fused.GetValueOrDefault(semanticRanked[rank].Doc) + 1.0 / (RrfK + rank + 1);

            return fused.OrderByDescending(kv => kv.Value).Take(topK)
                .Select(kv => new RetrievalHit(_passageIds[kv.Key], _articleIds[kv.Key], kv.Value, lexical.GetValueOrDefault(kv.Key),
                    TensorPrimitives.Dot(queryVector, _vectors[kv.Key])))
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private bool Keep(int doc, Func<long, bool>? articleFilter) => articleFilter is null || articleFilter(_articleIds[doc]);

    private List<(int Doc, double Similarity)> ScoreAll(float[] queryVector, Func<long, bool>? articleFilter)
    {
        var results = new List<(int, double)>(_vectors.Count);
        for (var doc = 0; doc < _vectors.Count; doc++)
        {
            if (!Keep(doc, articleFilter)) continue;
            results.Add((doc, TensorPrimitives.Dot(queryVector, _vectors[doc])));
        }
        return results;
    }
}
