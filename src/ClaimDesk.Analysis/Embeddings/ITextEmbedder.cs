namespace ClaimDesk.Analysis.Embeddings;

/// <summary>
/// Turns text into a dense vector. Behind an interface so the model can be replaced
/// (the shipped implementation wraps MiniLM; tests and benches may use others).
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Length of every vector this embedder returns.</summary>
    int Dimensions { get; }

    /// <summary>Embeds each text; vectors are L2-normalised so a dot product is the cosine.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts);
}
