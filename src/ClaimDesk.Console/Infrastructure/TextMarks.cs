namespace ClaimDesk.WebConsole.Infrastructure;

/// <summary>A run of text, marked with what lies on it (a suggestion, a quote) or not.</summary>
public sealed record TextRun<T>(int Start, string Text, T? Mark) where T : class;

/// <summary>Cuts a text at marked spans (character offsets) so a page can highlight them in place.</summary>
public static class TextMarks
{
    /// <summary>Spans outside the text are clamped; a span overlapping an earlier one is left unmarked.</summary>
    public static IReadOnlyList<TextRun<T>> Split<T>(string text, IEnumerable<(int Start, int End, T Mark)> spans) where T : class
    {
        var runs = new List<TextRun<T>>();
        var at = 0;
        foreach (var (rawStart, rawEnd, mark) in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            var start = Math.Clamp(rawStart, 0, text.Length);
            var end = Math.Clamp(rawEnd, 0, text.Length);
            if (start < at || end <= start) continue;
            if (start > at) runs.Add(new TextRun<T>(at, text[at..start], null));
            runs.Add(new TextRun<T>(start, text[start..end], mark));
            at = end;
        }
        if (at < text.Length) runs.Add(new TextRun<T>(at, text[at..], null));
        return runs;
    }
}
