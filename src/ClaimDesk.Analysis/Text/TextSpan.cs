namespace ClaimDesk.Analysis.Text;

/// <summary>A half-open range [Start, End) of character offsets into a text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public string Slice(string text) => text[Start..End];
}
