using System.Collections.Frozen;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// General English cue words that change what a sentence does to a claim: refuting ("hoax", "denied", "falsely"),
/// hedging ("reportedly", "may", "unconfirmed"), reporting ("according", "claims", "told") and confirming
/// ("confirmed", "officially"). Matched on lower-cased word tokens, inflections listed, no stemming (cheap enough to
/// scan a whole article). The lists are vocabulary, not fitted to any article.
/// </summary>
public static class StanceCues
{
    public static readonly FrozenSet<string> Refuting = Set(
        "fake", "fakes", "faked", "hoax", "hoaxes", "false", "falsely", "falsehood", "untrue", "deny", "denies", "denied", "denying",
        "denial", "debunk", "debunks", "debunked", "debunking", "refute", "refutes", "refuted", "refuting", "rebut", "rebuts",
        "rebutted", "fabricated", "fabrication", "bogus", "myth", "satire", "satirical", "prank", "pranks", "misleading",
        "misinformation", "disinformation", "baseless", "unfounded", "incorrect", "erroneous", "erroneously", "wrongly", "retract",
        "retracted", "retraction", "doctored", "photoshopped", "spoof", "parody", "nonsense", "fraud", "fraudulent", "scam",
        "lie", "lies", "lied", "dismissed", "rejected", "disputed", "disputes", "contrary", "contradicts", "contradicted");

    public static readonly FrozenSet<string> Hedging = Set(
        "reportedly", "allegedly", "alleged", "alleges", "purportedly", "purported", "supposedly", "apparently", "unconfirmed",
        "unverified", "rumor", "rumors", "rumour", "rumours", "rumored", "rumoured", "speculation", "speculated", "speculate",
        "may", "might", "could", "possibly", "perhaps", "likely", "unlikely", "unclear", "whether", "appears", "appear", "seems",
        "seem", "suggests", "suggested", "believed", "thought", "if", "claimed", "claims", "claim", "circulating", "viral");

    public static readonly FrozenSet<string> Reporting = Set(
        "according", "said", "says", "told", "reported", "reports", "report", "sources", "source", "stated", "announced",
        "statement", "spokesman", "spokeswoman", "spokesperson", "interview", "quoted", "tweeted", "wrote", "posted");

    public static readonly FrozenSet<string> Confirming = Set(
        "confirmed", "confirms", "confirm", "confirmation", "officially", "verified", "indeed", "proved", "proven", "proof",
        "evidence", "announced", "revealed", "true", "authentic", "genuine", "actually", "real");

    /// <summary>Cues that make a sentence not an endorsement of what it reports: hedges and false-claim markers.</summary>
    public static readonly FrozenSet<string> NotEndorsing = Set(
        "reportedly", "allegedly", "alleged", "alleges", "purportedly", "purported", "supposedly", "unconfirmed", "unverified",
        "rumor", "rumors", "rumour", "rumours", "rumored", "rumoured", "speculation", "speculated", "may", "might", "could",
        "possibly", "perhaps", "claimed", "claims", "false", "falsely", "fake", "hoax", "untrue", "denied", "denies", "deny",
        "debunked", "baseless", "unfounded", "fabricated", "bogus", "myth", "misleading", "wrongly", "erroneously");

    public static readonly FrozenSet<string> Negation = Set(
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "didn't", "doesn't", "don't", "isn't",
        "wasn't", "weren't", "aren't", "won't", "hasn't", "haven't", "hadn't", "cannot", "can't", "couldn't", "wouldn't",
        "shouldn't");

    /// <summary>Whether any word of the text is in the set (lower-cased comparison).</summary>
    public static bool Any(string text, FrozenSet<string> cues)
    {
        foreach (var word in Text.EnglishAnalyzer.Words(text))
            if (cues.Contains(word)) return true;
        return false;
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
