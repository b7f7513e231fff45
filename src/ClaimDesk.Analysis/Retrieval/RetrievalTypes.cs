namespace ClaimDesk.Analysis.Retrieval;

/// <summary>
/// A passage as the index holds it: ids, its place in its article (index, character offsets), text and its
/// (L2-normalised) embedding. The index keeps it whole, so a candidate article can be judged without another read.
/// </summary>
public sealed record IndexedPassage(long PassageId, long ArticleId, string Text, float[] Vector, int Index = 0, int Start = 0, int End = 0);

/// <summary>
/// A retrieved passage. Score is the fused rank score (higher is better); the lexical (BM25) score and the cosine
/// similarity are kept because the stance classifier needs the similarity and a reviewer may want both.
/// </summary>
public sealed record RetrievalHit(long PassageId, long ArticleId, double Score, double LexicalScore, double SemanticSimilarity);

/// <summary>
/// An article retrieved for a claim: the fused score of its best passage, how many of its passages were among the
/// retrieved ones, and the closest cosine similarity among them.
/// </summary>
public sealed record ArticleCandidate(long ArticleId, double Score, int MatchingPassages, double BestSimilarity);
