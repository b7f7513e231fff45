namespace ClaimDesk.Analysis.Text;

/// <summary>Splits an article into passages (sentences within paragraphs) with exact offsets.</summary>
public static class PassageSplitter
{
    public static IReadOnlyList<PassageSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var passages = new List<PassageSpan>();
        var paragraph = 0;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var start = lineStart;
            var end = lineEnd;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (end > start)
            {
                foreach (var sentence in SplitSentences(text, start, end))
                    passages.Add(new PassageSpan(passages.Count, paragraph, sentence.Start, sentence.End));
                paragraph++;
            }
            lineStart = lineEnd + 1;
        }
        return passages;
    }

    // Naive first cut: a sentence ends at . ! ? followed by a space and an upper-case letter.
    private static IEnumerable<TextSpan> SplitSentences(string text, int start, int end)
    {
        var sentenceStart = start;
        for (var i = start; i < end - 2; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && char.IsUpper(text[i + 2]))
            {
                yield return new TextSpan(sentenceStart, i + 1);
                sentenceStart = i + 2;
            }
        }
        yield return new TextSpan(sentenceStart, end);
    }
}
