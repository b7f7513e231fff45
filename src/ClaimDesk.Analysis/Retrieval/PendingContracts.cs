// Placeholder for the retrieval contracts while the engine is written on its own branch; removed at merge.
namespace ClaimDesk.Analysis.Retrieval;

public sealed record IndexedPassage(long PassageId, long ArticleId, string Text, float[] Vector);

public sealed record RetrievalHit(long PassageId, long ArticleId, double Score, double LexicalScore, double SemanticSimilarity);

public sealed class PassageIndex
{
    private readonly List<IndexedPassage> _passages = [];
    public int Count => _passages.Count;
    public void Add(IndexedPassage passage) { lock (_passages) _passages.Add(passage); }
    public void AddRange(IEnumerable<IndexedPassage> passages) { lock (_passages) _passages.AddRange(passages); }
    public IReadOnlyList<RetrievalHit> Search(string queryText, float[] queryVector, int topK, Func<long, bool>? filter = null) => [];
}
