using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Analysis.Text;
using ClaimDesk.Core.Infrastructure.Embeddings;

namespace ClaimDesk.StanceModelTests;

/// <summary>One MiniLM for the whole test run (loading it costs a second), and helpers to read texts as the desk does.</summary>
public sealed class Embeddings : IDisposable
{
    private readonly MiniLmTextEmbedder _embedder = new();

    public StanceClaim Claim(string text, DateOnly? context = null, string? language = "en") =>
        new(text, _embedder.Embed([text])[0], context, language);

    /// <summary>An article split into passages with the product's splitter, every passage embedded.</summary>
    public StanceArticle Article(string text, DateOnly? published = null, string? language = "en", string? title = null)
    {
        var spans = PassageSplitter.Split(text);
        var vectors = _embedder.Embed(spans.Select(s => s.Slice(text)).ToList());
        var passages = spans.Select((s, i) => new StancePassage(s.Index, s.Start, s.End, s.Slice(text), vectors[i])).ToList();
        return new StanceArticle(title, title is null ? null : _embedder.Embed([title])[0], passages, published, language);
    }

    /// <summary>Many texts in length-sorted batches, so a long passage does not pad every short headline to its length.</summary>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToList();
        foreach (var batch in order.Chunk(32))
        {
            var embedded = _embedder.Embed(batch.Select(i => texts[i]).ToList());
            for (var j = 0; j < batch.Length; j++) vectors[batch[j]] = embedded[j];
        }
        return vectors;
    }

    public void Dispose() => _embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EmbeddingsCollection : ICollectionFixture<Embeddings>
{
    public const string Name = "MiniLM";
}
