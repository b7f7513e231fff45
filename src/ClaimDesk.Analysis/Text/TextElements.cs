using System.Globalization;

namespace ClaimDesk.Analysis.Text;

/// <summary>
/// What a reader sees as one character (a text element, or grapheme cluster) may be several UTF-16 units: an emoji is
/// a surrogate pair, "é" may be 'e' followed by a combining accent. An offset between those units cuts a character in
/// two, so spans that are shown or quoted must start and end on text-element boundaries.
/// </summary>
public static class TextElements
{
    /// <summary>True when <paramref name="offset"/> (0..Length) does not fall inside a text element.</summary>
    public static bool IsBoundary(string text, int offset)
    {
        if (offset <= 0 || offset >= text.Length) return offset == 0 || offset == text.Length;
        if (char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1])) return false;

        // Walk back to a position that is a boundary for certain, then forward element by element: clusters never
        // continue past a line feed, nor into a space after a character below U+0300 (none of those glues to what
        // follows it). This keeps the walk to about a word, not the whole article.
        var start = offset;
        while (start > 0 && text[start - 1] != '\n' && !(text[start] == ' ' && text[start - 1] < '\u0300')) start--;
        var at = start;
        while (at < offset) at += StringInfo.GetNextTextElementLength(text.AsSpan(at));
        return at == offset;
    }
}
