using System.Collections.Frozen;

namespace ClaimDesk.Analysis.Text;

/// <summary>
/// The light English analysis shared by lexical search and overlap checks: lower-case word tokens, stopwords out,
/// a conservative suffix strip so "meeting"/"met"/"meets" and "neighbors"/"neighbor" meet. Deterministic and allocation-light.
/// </summary>
public static class EnglishAnalyzer
{
    private static readonly FrozenSet<string> Stopwords = new[]
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he", "her", "his",
        "i", "if", "in", "into", "is", "it", "its", "it's", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "those", "to", "was", "we", "were", "which", "who", "whom", "will",
        "with", "would", "can", "could", "should", "may", "might", "also", "about", "after", "before", "during", "over", "such",
        "very", "more", "most", "any", "all", "some", "up", "out", "s", "t", "said", "says", "say", "being", "what", "when",
        "where", "while", "how", "do", "does", "did", "just", "only", "other", "one's", "us", "you", "your", "my", "me",
    }.ToFrozenSet();

    // Irregular forms the suffix rules cannot reach, mapped to the form the rules produce for the base word.
    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>
    {
        ["met"] = "meet", ["meeting"] = "meet", ["meetings"] = "meet", ["said"] = "say", ["told"] = "tell", ["went"] = "go",
        ["gone"] = "go", ["made"] = "make", ["took"] = "take", ["taken"] = "take", ["gave"] = "give", ["given"] = "give",
        ["held"] = "hold", ["won"] = "win", ["lost"] = "lose", ["began"] = "begin", ["sent"] = "send", ["paid"] = "pay",
        ["led"] = "lead", ["left"] = "leave", ["sold"] = "sell", ["bought"] = "buy", ["fought"] = "fight", ["invaded"] = "invade",
        ["invading"] = "invade", ["invasion"] = "invade", ["invades"] = "invade", ["warned"] = "warn", ["warning"] = "warn",
    }.ToFrozenDictionary();

    /// <summary>The content terms of a text (stopwords removed, stemmed).</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var word in Words(text))
        {
            if (Stopwords.Contains(word)) continue;
            var stem = Stem(word);
            if (stem.Length > 0) terms.Add(stem);
        }
        return terms;
    }

    /// <summary>Lower-cased word tokens: letters and digits, with inner apostrophes, hyphens and decimal points kept.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var inner = start >= 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])
                        && (c is '\'' or '’' or '-' || (c is '.' or ',' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])));
            if (char.IsLetterOrDigit(c) || inner)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                yield return Normalize(text.AsSpan(start, i - start));
                start = -1;
            }
        }
    }

    private static string Normalize(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLowerInvariant().Replace('’', '\'');
        return lower.EndsWith("'s", StringComparison.Ordinal) ? lower[..^2] : lower;
    }

    /// <summary>A conservative stemmer: plural and verb endings only, never below three letters.</summary>
    public static string Stem(string word)
    {
        var stem = StripSuffix(word);
        // "approve"/"approved"/"approving" all end as "approv".
        return stem.Length > 4 && stem[^1] == 'e' && !char.IsDigit(stem[0]) ? stem[..^1] : stem;
    }

    private static string StripSuffix(string word)
    {
        if (Irregular.TryGetValue(word, out var irregular)) return irregular;
        if (word.Length <= 3 || char.IsDigit(word[0])) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5) return TrimDouble(word[..^3]);
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4) return TrimDouble(word[..^2]);
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && (word[^3] is 's' or 'x' or 'z' || word.EndsWith("ches") || word.EndsWith("shes")))
            return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    // "stopped" → "stopp" → "stop"; "planned" → "plan"; but "called" stays "call".
    private static string TrimDouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;
}
