namespace ClaimDesk.Analysis.Retrieval;

/// <summary>A passage as the index holds it: ids, text and its (L2-normalised) embedding.</summary>
public sealed record IndexedPassage(long PassageId, long ArticleId, string Text, float[] Vector);

/// <summary>
/// A retrieved passage. Score is the fused rank score (higher is better); the lexical (BM25) score and the cosine
/// similarity are kept because the stance classifier needs the similarity and a reviewer may want both.
/// </summary>
public sealed record RetrievalHit(long PassageId, long ArticleId, double Score, double LexicalScore, double SemanticSimilarity);
