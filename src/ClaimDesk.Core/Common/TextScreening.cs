using System.Globalization;

namespace ClaimDesk.Core.Common;

/// <summary>
/// How a text field treats characters a reader cannot see. Every field a client writes is one of three kinds:
/// <list type="bullet">
/// <item><b>Prose</b> the desk writes (claim text, rationale, comments, notes, descriptions): tabs and line breaks
/// allowed; other control characters refused; bidi embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069) refused, because they make what a reviewer sees differ from what is stored; zero-width joiners,
/// non-joiners and direction marks kept, because several scripts and emoji sequences need them to be spelled right.</item>
/// <item><b>Labels</b> (titles, names, claimants, outlets, owner groups, assignees): one line; no control characters,
/// line breaks, bidi controls or other invisible format characters at all.</item>
/// <item><b>Source</b> text (an article's body): kept verbatim, since quote offsets point into it; only control
/// characters other than tabs and line breaks are refused.</item>
/// </list>
/// Every kind must contain at least one visible character: a letter, digit, punctuation mark or symbol that is not
/// one of the blank-looking "fillers". Nothing is stripped: a refused text is refused with the character and its position.
/// </summary>
public enum TextKind { Prose, Label, Source }

public static class TextScreening
{
    /// <summary>Why <paramref name="text"/> is refused as a field of this kind, or null when it is fine. Reads after "'Field' ".</summary>
    public static string? Problem(string text, TextKind kind)
    {
        var visible = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var at = i;
            int codePoint = c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                codePoint = char.ConvertToUtf32(c, text[++i]);
            else if (char.IsSurrogate(c))
                return $"contains half of a character ({Code(c)}, an unpaired surrogate) at position {i}";
            var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);

            switch (category)
            {
                case UnicodeCategory.Control when kind != TextKind.Label && c is '\t' or '\n' or '\r':
                    break;
                case UnicodeCategory.Control:
                    return kind == TextKind.Label
                        ? $"contains {Code(codePoint)}, a control character or line break, at position {at}; it must be one line of visible text"
                        : $"contains {Code(codePoint)}, a control character, at position {at}; only tabs and line breaks are allowed";
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator when kind == TextKind.Label:
                    return $"contains {Code(codePoint)}, a line break, at position {at}; it must be one line";
                case UnicodeCategory.Format when IsBidiControl(c) && kind != TextKind.Source:
                    return $"contains {Code(codePoint)}, a bidi control that reorders the text around it, at position {at}";
                case UnicodeCategory.Format when kind == TextKind.Label:
                    return $"contains {Code(codePoint)}, an invisible formatting character, at position {at}";
                case UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse:
                    break;
                default:
                    visible |= !IsFiller(c);
                    break;
            }
        }
        return visible ? null : "must contain visible characters (letters, digits, punctuation or symbols), not only blanks or invisible ones";
    }

    /// <summary>Embedding, override and isolate controls: they reorder the text that follows them.</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Letters and symbols that render as nothing (Hangul fillers, the blank Braille pattern).</summary>
    private static bool IsFiller(char c) => c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800';

    private static string Code(int codePoint) => $"U+{codePoint:X4}";
}
