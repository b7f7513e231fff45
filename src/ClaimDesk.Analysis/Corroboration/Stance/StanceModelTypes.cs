namespace ClaimDesk.Analysis.Corroboration;

/// <summary>The claim a stance model judges articles against. <see cref="Vector"/> is its L2-normalised MiniLM embedding.</summary>
/// <param name="Language">ISO 639-1 code ("en", "en-GB"); null means the desk's default, English.</param>
public sealed record StanceClaim(string Text, float[] Vector, DateOnly? ContextDate, string? Language);

/// <summary>One passage of an article: its index, exact character offsets into the article text, text and embedding.</summary>
public sealed record StancePassage(int Index, int Start, int End, string Text, float[] Vector);

/// <summary>The article a claim is judged against, as the desk stores it: its passages in order, each with its vector.</summary>
/// <param name="TitleVector">The title's embedding; used for relatedness when the model is not applied (the model was trained on bodies).</param>
public sealed record StanceArticle(string? Title, float[]? TitleVector, IReadOnlyList<StancePassage> Passages, DateOnly? PublishedAt, string? Language);

/// <summary>Probabilities of the four outcomes (they sum to 1).</summary>
public sealed record StanceProbabilities(double Unrelated, double Supports, double Contradicts, double Mentions);

/// <summary>A passage that decided the assessment, with its cosine similarity to the claim.</summary>
public sealed record DecidingPassage(int Index, int Start, int End, double Similarity);

/// <summary>
/// What an article does to a claim: whether it is about it at all (<see cref="Related"/>, FNC-1's "unrelated" when false)
/// and if so its <see cref="Stance"/>; a score 0..1 (the probability of the outcome given); the passages that decided
/// it, best first; the typed mismatches found, as the reviewer's explanation; and, when the trained model was not
/// applied (another language, no passages), why.
/// </summary>
public sealed record ArticleStance(
    bool Related, Stance? Stance, double Score, StanceProbabilities Probabilities,
    IReadOnlyList<DecidingPassage> Passages, IReadOnlyList<Discrepancy> Discrepancies, string? Reason);

/// <summary>Judges one claim against one whole article. Implementations are pure (no I/O, no clock) and thread-safe.</summary>
public interface IStanceModel
{
    /// <summary>A short name for reports ("fnc1-fasttree", "rules").</summary>
    string Name { get; }

    ArticleStance Assess(StanceClaim claim, StanceArticle article);
}
