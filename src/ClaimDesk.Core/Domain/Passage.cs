namespace ClaimDesk.Core.Domain;

/// <summary>A sentence-sized span of an article; evidence points at passages.</summary>
public sealed class Passage
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int Index { get; set; }
    public int Paragraph { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The sentence embedding as little-endian float32s; null until the article is indexed.</summary>
    public byte[]? Embedding { get; set; }
}
