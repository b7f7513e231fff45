using System.Text.RegularExpressions;

namespace ClaimDesk.Analysis.Suggestions;

/// <summary>
/// Who is reported as saying a sentence: "Rutte said", "said Rutte", "according to the ministry", "X warned that",
/// a quotation closed by "Rutte said". Pronouns ("he said") are resolved to the last named speaker before them.
/// </summary>
public static partial class Attribution
{
    private const string Verbs = "said|says|warned|warns|argued|argues|emphasi[sz]ed|emphasi[sz]es|stated|states|claimed|claims|added|adds|noted|notes|told|tells|cautioned|cautions|stressed|stresses|highlighted|highlights|suggested|suggests|urged|urges|insisted|insists|explained|explains|acknowledged|acknowledges|announced|announces|pointed out|points out|believes|believed|wrote|writes|denied|denies|admitted|admits|expressed|expresses|reported|reports|maintain|maintains|asserted|asserts|contended|contends|continued|stating|drew attention to|drew a connection|pointed to|links|linked|proposed|proposes|issued a (?:\\w+ )?warning|expressed (?:\\w+ )?concern";
    private const string Name = @"(?<name>(?:[A-Z][\p{L}'’.-]+)(?:\s+(?:[A-Z][\p{L}'’.-]+|de|van|von|bin|al)){0,3})";

    // "Rutte said", "Rutte, who met Trump …, said", "Rutte, speaking to the FT, emphasized", "Rutte has warned".
    [GeneratedRegex(Name + @",?\s+(?:(?:who|speaking|writing|talking|along)\b[^,]{0,100},\s+)?(?:also\s+|has\s+|had\s+|then\s+|repeatedly\s+|recently\s+)?(?:" + Verbs + @")\b")]
    private static partial Regex NameThenVerb();

    [GeneratedRegex(@"(?:" + Verbs + @")\s+" + Name)]
    private static partial Regex VerbThenName();

    [GeneratedRegex(@"\b(?i:according to|in the words of)\s+(?:the\s+)?" + Name)]
    private static partial Regex AccordingTo();

    // "the minister said", "Trump’s aides maintain": speakers named by their role.
    [GeneratedRegex(@"\b(?:the|a|an|his|her|their|[A-Z][\p{L}]+['’]s)\s+(?<name>(?:[a-z-]+\s+){0,2}(?:minister|spokesperson|spokesman|spokeswoman|officials?|police|ministry|aides?|government|agency|president|chief|mayor|curator|authorities|prosecutors?|court|company|army|military|analysts?|experts?))\s*,?\s+(?:" + Verbs + @")\b")]
    private static partial Regex RoleThenVerb();

    // Every pattern but "according to" needs one of the verbs somewhere in the sentence. Most sentences have none, and
    // one scan for them costs a fraction of the name patterns, which are tried at every capitalised word.
    [GeneratedRegex("(?:" + Verbs + ")")]
    private static partial Regex AnyVerb();

    [GeneratedRegex(@"\b(?<pronoun>He|She|They|he|she|they)\s+(?:also\s+)?(?:" + Verbs + @")\b")]
    private static partial Regex PronounThenVerb();

    private static readonly HashSet<string> NotSpeakers = new(StringComparer.Ordinal)
    {
        "It", "This", "That", "The", "These", "Those", "There", "Meanwhile", "However", "And", "But", "Despite", "In", "On", "At",
        "Long-term", "Look", "We", "I", "You", "He", "She", "They", "Emphasising", "Emphasizing",
    };

    // Titles and affiliations in front of a name: the claimant is the person.
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "NATO", "NATO’s", "Secretary-General", "Secretary", "General", "President", "President-elect", "Prime", "Minister", "PM", "UK",
        "US", "U.S.", "British", "Dutch", "Ukrainian", "Russian", "Chinese", "Chief", "Leader", "Mr", "Mrs", "Ms", "Dr", "Former",
        "Newly", "Senator", "Governor", "Mayor", "Chancellor", "Foreign", "Defence", "Defense", "Spokesperson", "Spokesman",
    };

    /// <summary>Tried in this order; the first that names a speaker wins.</summary>
    private static readonly (Regex Pattern, string Cue, bool NeedsVerb)[] NamedSpeakerPatterns =
        [(NameThenVerb(), "speakerVerb", true), (VerbThenName(), "verbSpeaker", true), (AccordingTo(), "accordingTo", false)];

    /// <summary>The speaker of the sentence, or null when nobody is reported as saying it.</summary>
    /// <param name="lastSpeaker">The last named speaker earlier in the article, for "he said".</param>
    public static string? SpeakerOf(string sentence, string? lastSpeaker, out string? cue)
    {
        var hasVerb = AnyVerb().IsMatch(sentence);
        foreach (var (regex, name, needsVerb) in NamedSpeakerPatterns)
        {
            if (needsVerb && !hasVerb) continue;
            foreach (Match match in regex.Matches(sentence))
            {
                var speaker = Clean(match.Groups["name"].Value);
                if (speaker is null) continue;
                cue = name;
                return speaker;
            }
        }
        if (hasVerb && RoleThenVerb().Match(sentence) is { Success: true } role)
        {
            cue = "roleSpeaker";
            return role.Groups["name"].Value;
        }
        if (hasVerb && lastSpeaker is not null && PronounThenVerb().IsMatch(sentence))
        {
            cue = "pronounSpeaker";
            return lastSpeaker;
        }
        cue = null;
        return null;
    }

    private static string? Clean(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && (NotSpeakers.Contains(words[0]) || Titles.Contains(words[0].TrimEnd(',')))) words.RemoveAt(0);
        // An organisation or publication is not who spoke ("The Financial Times").
        if (words.Count > 0 && words[^1] is "Times" or "Post" or "Telegraph" or "Guardian" or "Journal" or "Reuters" or "News") return null;
        if (words.Count == 0) return null;
        var cleaned = string.Join(' ', words).TrimEnd('.', ',').Replace("’s", "").Replace("'s", "");
        return cleaned.Length < 2 ? null : cleaned;
    }
}
