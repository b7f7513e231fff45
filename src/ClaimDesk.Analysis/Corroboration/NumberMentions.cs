using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// A quantity written in a text: its value, whether it is a percentage, and the word it counts ("3 percent" → percent,
/// "12 million euros" → euro, "24 hours" → hour), so that only like is compared with like.
/// </summary>
public sealed record NumberMention(decimal Value, bool IsPercent, string Unit, string Text, int Start, int End);

public static partial class NumberMentions
{
    private static readonly FrozenDictionary<string, decimal> Words = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["hundred"] = 100, ["dozen"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![\w/.,-])(?<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|dozen)(?![\w/])(?:\s*(?<percent>%|percent\b|per\s+cent\b))?(?:\s+(?<scale>thousand|million|billion|trillion)\b)?(?:\s+(?<unit>[A-Za-z][A-Za-z-]+))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    /// <param name="exclude">Spans already read as something else (dates), so "23 November" is not also the number 23.</param>
    public static IReadOnlyList<NumberMention> Find(string text, IReadOnlyList<(int Start, int End)>? exclude = null)
    {
        var found = new List<NumberMention>();
        foreach (Match m in Quantity().Matches(text))
        {
            var number = m.Groups["number"];
            if (exclude is not null && exclude.Any(e => number.Index < e.End && e.Start < number.Index + number.Length)) continue;
            var raw = number.Value;
            if (!Words.TryGetValue(raw, out var value)
                && !decimal.TryParse(raw.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
                continue;
            value *= m.Groups["scale"].Value.ToLowerInvariant() switch
            {
                "thousand" => 1_000m, "million" => 1_000_000m, "billion" => 1_000_000_000m, "trillion" => 1_000_000_000_000m, _ => 1m,
            };
            var isPercent = m.Groups["percent"].Success;
            var unit = isPercent ? "percent" : Text.EnglishAnalyzer.Stem(m.Groups["unit"].Value.ToLowerInvariant());
            var isYear = !isPercent && value is >= 1900 and <= 2100 && raw.Length == 4;
            if (isYear) unit = "year";
            // "3 percent" ends at "percent"; "12 million euros" ends at its unit.
            var last = new[] { number, m.Groups["percent"], m.Groups["scale"], isPercent ? number : m.Groups["unit"] }
                .Where(g => g.Success).Max(g => g.Index + g.Length);
            var end = last;
            found.Add(new NumberMention(value, isPercent, unit, text[number.Index..end].Trim(), number.Index, end));
        }
        return found;
    }
}
