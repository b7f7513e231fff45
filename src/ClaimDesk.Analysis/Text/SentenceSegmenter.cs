namespace ClaimDesk.Analysis.Text;

/// <summary>
/// Splits one line of article text into sentences with exact offsets. A sentence ends at '.', '!' or '?' (with any
/// closing quotes or brackets) followed by a space and something that can start a sentence — except after an
/// abbreviation, and never inside an open quotation, so a quote that runs over several sentences stays whole.
/// </summary>
public static class SentenceSegmenter
{
    public static IEnumerable<TextSpan> Split(string text, int start, int end)
    {
        var sentenceStart = start;
        var quoteDepth = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '“') quoteDepth++;
            else if (c == '”') quoteDepth = Math.Max(0, quoteDepth - 1);
            else if (c == '"') quoteDepth = quoteDepth > 0 ? quoteDepth - 1 : 1;
            if (c is not ('.' or '!' or '?')) continue;

            var close = i + 1;
            while (close < end && text[close] is '”' or '"' or '’' or ')' or ']' or '\'')
            {
                if (text[close] is '”' or '"') quoteDepth = Math.Max(0, quoteDepth - 1);
                close++;
            }
            if (quoteDepth > 0 || close >= end || !char.IsWhiteSpace(text[close])) continue;
            if (c == '.' && Abbreviations.EndsAbbreviation(text, i) && !EndsWithAcronymBeforeNewSentence(text, i, close, end)) continue;

            var next = close;
            while (next < end && char.IsWhiteSpace(text[next])) next++;
            if (next >= end || !CanStartSentence(text[next])) continue;

            yield return Trim(text, sentenceStart, close);
            sentenceStart = next;
            i = next - 1;
        }
        if (sentenceStart < end) yield return Trim(text, sentenceStart, end);
    }

    // "… to the U.S. The next day …": an acronym can end a sentence when a capitalised function word follows.
    private static bool EndsWithAcronymBeforeNewSentence(string text, int dot, int close, int end)
    {
        if (!(dot >= 2 && text[dot - 2] == '.')) return false;
        var next = close;
        while (next < end && char.IsWhiteSpace(text[next])) next++;
        var word = new string(text.AsSpan(next, Math.Min(end - next, 12)).ToArray().TakeWhile(char.IsLetter).ToArray());
        return word is "The" or "He" or "She" or "It" or "They" or "We" or "This" or "That" or "In" or "But" or "A";
    }

    private static bool CanStartSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '“' or '"' or '‘' or '\'' or '(' or '[' or '•' or '-';

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }
}
