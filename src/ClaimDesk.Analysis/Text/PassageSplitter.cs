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

    private static IEnumerable<TextSpan> SplitSentences(string text, int start, int end)
    {
        // A bullet marker is layout, not text.
        while (start < end && (text[start] is '•' or '▪' or '◦' or '*' || (text[start] == '-' && start + 1 < end && text[start + 1] == ' ')))
        {
            start++;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
        }
        return start < end ? SentenceSegmenter.Split(text, start, end).Where(s => s.Length > 0) : [];
    }
}
