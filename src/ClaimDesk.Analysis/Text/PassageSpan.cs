namespace ClaimDesk.Analysis.Text;

/// <summary>
/// One passage of an article: a sentence-sized span with the paragraph it belongs to.
/// Evidence points at passages, so offsets are exact character offsets into the article text.
/// </summary>
public readonly record struct PassageSpan(int Index, int Paragraph, int Start, int End)
{
    public string Slice(string text) => text[Start..End];
}
