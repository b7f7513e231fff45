using System.Runtime.InteropServices;

namespace ClaimDesk.Analysis.Retrieval;

/// <summary>
/// An inverted index scored with Okapi BM25 (k1 = 1.2, b = 0.75). Documents are dense slots 0..n-1 owned by
/// <see cref="PassageIndex"/>; this class is not thread-safe on its own (the owner locks).
/// </summary>
internal sealed class Bm25Postings
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, List<(int Doc, ushort Tf)>> _postings = new(StringComparer.Ordinal);
    private readonly List<int> _lengths = [];
    private long _totalLength;

    public int DocumentCount => _lengths.Count;

    public int DocumentFrequency(string term) => _postings.TryGetValue(term, out var list) ? list.Count : 0;

    public void Add(int doc, IReadOnlyList<string> terms)
    {
        if (doc != _lengths.Count) throw new InvalidOperationException("Documents must be added in slot order.");
        _lengths.Add(terms.Count);
        _totalLength += terms.Count;
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_postings, group.Key, out _);
            list ??= [];
            list.Add((doc, (ushort)Math.Min(group.Count(), ushort.MaxValue)));
        }
    }

    /// <summary>BM25 scores of every document sharing a query term, accumulated into <paramref name="scores"/>.</summary>
    public void Score(IReadOnlyList<string> queryTerms, Dictionary<int, double> scores, int maxPostingsPerTerm)
    {
        var n = _lengths.Count;
        if (n == 0) return;
        var averageLength = (double)_totalLength / n;
        foreach (var term in queryTerms.Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(term, out var list)) continue;
            // A term in most documents says little and costs much: skip it on large indexes.
            if (list.Count > maxPostingsPerTerm) continue;
            var idf = Math.Log(1 + (n - list.Count + 0.5) / (list.Count + 0.5));
            foreach (var (doc, tf) in CollectionsMarshal.AsSpan(list))
            {
                var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * _lengths[doc] / averageLength));
                ref var score = ref CollectionsMarshal.GetValueRefOrAddDefault(scores, doc, out _);
                score += idf * norm;
            }
        }
    }
}
