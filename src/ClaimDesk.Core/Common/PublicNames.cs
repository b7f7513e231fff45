using System.Text.Json;

namespace ClaimDesk.Core.Common;

/// <summary>
/// Names as clients see them in answers and messages: enum values in camelCase ("needsReview", not the C# NeedsReview),
/// so a message never speaks a different language from the JSON beside it.
/// </summary>
public static class PublicNames
{
    public static string Public<TEnum>(this TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string Public<TEnum>(this TEnum? value) where TEnum : struct, Enum => value is { } v ? v.Public() : "none";

    public static string Public<TEnum>(this IEnumerable<TEnum> values) where TEnum : struct, Enum => string.Join(", ", values.Select(v => v.Public()));

    /// <summary>"Verdict needs independent support" → "verdict-needs-independent-support".</summary>
    public static string Kebab(string words) =>
        string.Join('-', words.ToLowerInvariant().Split((char[])[' ', '-', '_', ',', '.', '\'', ':'], StringSplitOptions.RemoveEmptyEntries));
}
