using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>A calendar date written in a text, resolved to a day.</summary>
public sealed record DateMention(DateOnly Date, string Text, int Start, int End);

/// <summary>
/// Finds dates written the ways news text writes them — "23 November", "November 23", "Nov. 23", "on 2 December",
/// "23/11", "03/12/2024", "2024-11-23" — and resolves them against the article's publication date: a missing year is
/// the year that puts the date closest before (or just after) publication, and an ambiguous "03/12" is read in the
/// order that lands nearer the publication date.
/// </summary>
public static partial class DateMentions
{
    private const string Month = @"(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    // Month names are matched capitalised only: "may 3" in running text is a verb, not a date.
    [GeneratedRegex(@"\b(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\b\.?(?:,?\s+(?<year>(?:19|20)\d\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex(Month + @"\b\.?\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?<year>(?:19|20)\d\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?<![\d/])(?<a>[0-3]?\d)/(?<b>[0-3]?\d)(?:/(?<year>(?:19|20)?\d\d))?(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<year>(?:19|20)\d\d)-(?<month>[01]\d)-(?<day>[0-3]\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    public static IReadOnlyList<DateMention> Find(string text, DateOnly? context)
    {
        var found = new List<DateMention>();
        foreach (Match m in Iso().Matches(text))
            Add(found, m, Make(Int(m, "year"), Int(m, "month"), Int(m, "day")));
        foreach (Match m in DayMonth().Matches(text))
            Add(found, m, WithYear(MonthNumber(m.Groups["month"].Value), Int(m, "day"), YearOrNull(m), context));
        foreach (Match m in MonthDay().Matches(text))
            Add(found, m, WithYear(MonthNumber(m.Groups["month"].Value), Int(m, "day"), YearOrNull(m), context));
        foreach (Match m in Numeric().Matches(text))
            Add(found, m, ResolveNumeric(Int(m, "a"), Int(m, "b"), YearOrNull(m), context));
        return found.OrderBy(d => d.Start).ToList();
    }

    private static void Add(List<DateMention> found, Match match, DateOnly? date)
    {
        if (date is not { } value) return;
        // The same words can match two patterns ("23 November" inside "Nov 23 November"); the first wins.
        if (found.Any(d => d.Start < match.Index + match.Length && match.Index < d.End)) return;
        found.Add(new DateMention(value, match.Value.Trim(), match.Index, match.Index + match.Length));
    }

    private static DateOnly? ResolveNumeric(int a, int b, int? year, DateOnly? context)
    {
        var dayFirst = WithYear(b, a, year, context);
        var monthFirst = WithYear(a, b, year, context);
        if (dayFirst is null) return monthFirst;
        if (monthFirst is null || context is null) return dayFirst;
        var toDayFirst = Math.Abs(dayFirst.Value.DayNumber - context.Value.DayNumber);
        var toMonthFirst = Math.Abs(monthFirst.Value.DayNumber - context.Value.DayNumber);
        return toMonthFirst < toDayFirst ? monthFirst : dayFirst;
    }

    private static DateOnly? WithYear(int month, int day, int? year, DateOnly? context)
    {
        if (year is { } y) return Make(y < 100 ? 2000 + y : y, month, day);
        // Without a publication date, a leap year keeps 29 February and lets two undated texts compare day and month.
        if (context is not { } c) return Make(2000, month, day);
        // News reports recent events: take the year that puts the date at most a month after publication.
        var candidate = Make(c.Year, month, day);
        if (candidate is { } d && d.DayNumber - c.DayNumber > 31) candidate = Make(c.Year - 1, month, day);
        return candidate;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int? YearOrNull(Match m) => m.Groups["year"].Success ? Int(m, "year") : null;

    private static int MonthNumber(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };
}
