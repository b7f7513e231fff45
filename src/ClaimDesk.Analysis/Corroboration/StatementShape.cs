using System.Collections.Frozen;
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// The parts of a statement the stance classifier compares: content terms, named actors, the subject and the
/// predicate (the first content word after the subject), whether it is negated, and its dates and numbers.
/// A shallow reading (capitalisation and word order, no parser) that is cheap and predictable.
/// </summary>
public sealed record StatementShape(
    IReadOnlyList<string> Terms, IReadOnlyList<string> Names, string? Subject, string? Predicate, bool Negated,
    IReadOnlyList<DateMention> Dates, IReadOnlyList<NumberMention> Numbers)
{
    private static readonly FrozenSet<string> NegationCues = new[]
    {
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "deny", "denied", "denies", "refused",
        "didn't", "doesn't", "don't", "isn't", "wasn't", "weren't", "aren't", "won't", "hasn't", "haven't", "hadn't", "cannot", "can't",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that are capitalised for reasons other than being a name.
    private static readonly FrozenSet<string> NotNames = new[]
    {
        "The", "A", "An", "It", "Its", "It's", "It’s", "This", "That", "These", "Those", "He", "She", "They", "We", "I", "In", "On",
        "At", "For", "But", "And", "Or", "If", "As", "By", "With", "From", "During", "After", "Before", "Meanwhile", "However",
        "Despite", "While", "When", "Long-term", "Look", "His", "Her", "Their", "Our", "Such", "Read", "Image", "Source",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "President", "Prime", "Minister",
        "Secretary-General", "Chief", "Leader", "General", "Former", "Newly",
        // Abbreviated months and days ("Dec. 4", "Sept. 30", "Tues.") are dates, not actors.
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words that name a person by their office: "the Secretary General of the alliance", "the Prime Minister".
    // A passage naming the claim's person this way is not another actor.
    private static readonly FrozenSet<string> Offices = new[]
    {
        "president", "vice", "prime", "minister", "secretary", "secretary-general", "general", "chancellor", "chief", "director",
        "chair", "chairman", "chairwoman", "chairperson", "governor", "mayor", "spokesperson", "spokesman", "spokeswoman",
        "ambassador", "senator", "congressman", "congresswoman", "representative", "king", "queen", "prince", "princess", "pope",
        "ceo", "leader", "commissioner", "deputy", "head", "speaker", "envoy", "premier", "foreign", "defence", "defense",
        "attorney", "judge", "justice", "commander", "admiral", "colonel", "officer", "councillor", "councilor", "sheriff",
        "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "president-elect", "cardinal", "bishop", "sultan", "emir", "gen", "sen",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PastTense = new[]
    {
        "fell", "rose", "grew", "won", "lost", "met", "made", "took", "gave", "held", "sent", "paid", "led", "left", "sold", "bought",
        "fought", "began", "told", "went", "came", "saw", "found", "kept", "built", "cut", "hit", "put", "set", "struck", "spoke",
        "wrote", "chose", "broke", "stole", "signed", "shot", "fled", "spent", "ran", "drew", "threw", "became",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "did", "does", "do", "has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would", "could", "should",
        "may", "might", "can", "not", "never", "also", "then", "reportedly", "allegedly", "recently", "directly",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static StatementShape Of(string text, DateOnly? context)
    {
        var dates = DateMentions.Find(text, context);
        var numbers = NumberMentions.Find(text, dates.Select(d => (d.Start, d.End)).ToList())
            .Where(n => n.IsPercent || n.Unit == "year" || (n.Unit.Length > 2 && !IsStopword(n.Unit))).ToList();
        var words = Tokens(WithoutInsertions(text));
        var names = NameRuns(words);
        var negated = IsNegated(words);

        // The subject is a name among the first words; the predicate is the first content word after it.
        // Without a named subject ("The council approved…"), the first word that reads as a past-tense verb.
        string? subject = null, predicate = null;
        var firstName = words.FindIndex(w => IsName(w.Text));
        if (firstName is < 0 or > 3)
        {
            predicate = words.Skip(1).Select(w => w.Text.ToLowerInvariant())
                .Where(w => PastTense.Contains(w) || (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4))
                .Select(w => EnglishAnalyzer.Stem(w)).FirstOrDefault();
        }
        else
        {
            var i = firstName;
            while (i < words.Count && IsName(words[i].Text)) i++;
            subject = string.Join(' ', words.Skip(firstName).Take(i - firstName).Select(w => w.Text));
            for (; i < words.Count; i++)
            {
                var lower = words[i].Text.ToLowerInvariant();
                if (Auxiliaries.Contains(lower) || NegationCues.Contains(lower) || IsStopword(lower) || char.IsDigit(lower[0])) continue;
                predicate = EnglishAnalyzer.Stem(lower.Replace('’', '\''));
                break;
            }
        }
        return new StatementShape(EnglishAnalyzer.Terms(text), names, subject, predicate, negated, dates, numbers);
    }

    /// <summary>
    /// The name right before a word with the given stem — at most one word (an auxiliary, an adverb) between them —
    /// if any: who did it in this text. Kept that tight because a name further back is usually not the doer.
    /// </summary>
    public static string? ActorOf(string text, string predicateStem)
    {
        var words = Tokens(WithoutInsertions(text));
        for (var i = 0; i < words.Count; i++)
        {
            if (EnglishAnalyzer.Stem(words[i].Text.ToLowerInvariant().Replace('’', '\'')) != predicateStem) continue;
            for (var j = i - 1; j >= Math.Max(0, i - 2); j--)
            {
                if (!IsName(words[j].Text)) continue;
                var start = j;
                while (start > 0 && IsName(words[start - 1].Text)) start--;
                var run = words.Skip(start).Take(j - start + 1).Select(w => TrimPossessive(w.Text)).ToList();
                // "The Secretary General warned", "NATO's chief warned": a person named by office may be the claim's own.
                // "The Russian leader" too: the matched word can itself be the office.
                if (words.Skip(start).Take(i - start + 1).Any(w => Offices.Contains(TrimPossessive(w.Text)))) return null;
                return string.Join(' ', run);
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// A negation cue counts unless it is part of "not only … but also", which adds rather than denies.
    /// </summary>
    private static bool IsNegated(List<(string Text, int Start)> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!NegationCues.Contains(words[i].Text.Replace('’', '\''))) continue;
            var next = i + 1 < words.Count ? words[i + 1].Text : "";
            if (words[i].Text.Equals("not", StringComparison.OrdinalIgnoreCase)
                && (next.Equals("only", StringComparison.OrdinalIgnoreCase) || next.Equals("just", StringComparison.OrdinalIgnoreCase))) continue;
            return true;
        }
        return false;
    }

    public bool Mentions(string name) => Names.Any(n => NamesOverlap(n, name));

    public static bool NamesOverlap(string a, string b) =>
        a.Split(' ').Intersect(b.Split(' '), StringComparer.OrdinalIgnoreCase).Any();

    private static bool IsStopword(string word) => EnglishAnalyzer.IsStopword(word);

    /// <summary>
    /// The text with editors' bracketed insertions blanked ("[Chinese leader] Xi Jinping"): they are the outlet's gloss
    /// inside someone else's words, not part of what was said. Blanked, not removed, so offsets stay put.
    /// </summary>
    public static string WithoutInsertions(string text)
    {
        if (!text.Contains('[')) return text;
        var chars = text.ToCharArray();
        var depth = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '[') depth++;
            var inside = depth > 0;
            if (chars[i] == ']' && depth > 0) depth--;
            if (inside) chars[i] = ' ';
        }
        return new string(chars);
    }

    private static bool IsName(string word) =>
        word.Length > 1 && char.IsUpper(word[0]) && !NotNames.Contains(word) && !NotNames.Contains(TrimPossessive(word));

    private static string TrimPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    private static List<string> NameRuns(List<(string Text, int Start)> words)
    {
        var names = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsName(words[i].Text)) continue;
            var start = i;
            while (i + 1 < words.Count && IsName(words[i + 1].Text)) i++;
            names.Add(string.Join(' ', words.Skip(start).Take(i - start + 1).Select(w => TrimPossessive(w.Text))));
        }
        return names;
    }

    private static List<(string Text, int Start)> Tokens(string text)
    {
        var tokens = new List<(string, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c) || (start >= 0 && c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0) { tokens.Add((text[start..i], start)); start = -1; }
        }
        return tokens;
    }
}
