using System.Text.RegularExpressions;

namespace ClaimDesk.Analysis.Suggestions;

/// <summary>
/// Recognises the parts of copied web pages that are not claims: bylines, datelines, reading times, captions and
/// image credits, "Read also" links, headlines and subheadings. Works on the passage text and its paragraph.
/// </summary>
public static partial class PageChrome
{
    [GeneratedRegex(@"^by\s?[A-Z][\p{L}'’-]+(\s+[A-Z][\p{L}'’-]+){0,3}$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$|^(Updated|Published|Posted)\b.{0,40}$")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^\d+\s+min(ute)?s?\s+read$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"^(Image|Photo|Picture|Video)?\s*(source|credit|caption)s?\s*:|^Source:\s|Screenshot|^Read (also|more)\b|^(Related|See also|Share|Advertisement)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionOrLink();

    /// <summary>Why the sentence is page furniture rather than prose, or null when it is prose.</summary>
    public static string? Reason(string sentence, string paragraph, bool isFirstLine)
    {
        var text = sentence.Trim();
        if (Byline().IsMatch(text)) return "byline";
        if (Dateline().IsMatch(text)) return "dateline";
        if (ReadingTime().IsMatch(text)) return "readingTime";
        if (CaptionOrLink().IsMatch(text)) return text.StartsWith("Read", StringComparison.OrdinalIgnoreCase) ? "readAlso" : "caption";

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var endsLikeProse = text[^1] is '.' or '!' or '?' or '”' or '"' or ':';
        // Headlines and subheadings: a line of its own that does not end like a sentence.
        if (!endsLikeProse && paragraph.Trim() == text && words <= 25) return isFirstLine ? "headline" : "subheading";
        // A caption: a short line of its own that is only a name with a title ("NATO Secretary-General Mark Rutte.").
        if (words <= 6 && text.Split(' ').All(w => w.Length > 0 && (char.IsUpper(w[0]) || w.Length <= 3)))
            return "caption";
        return null;
    }
}
