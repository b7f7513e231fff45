using System.Collections.Concurrent;
using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ClaimDesk.Analysis.Text;

/// <summary>
/// The English analysis shared by lexical search, overlap checks and the stance features: Lucene's standard tokenizer,
/// possessives dropped, lower-cased, English stopwords out and the Porter stemmer, so "meeting"/"meets",
/// "appointed"/"appointment" and "neighbors"/"neighbor" meet. Irregular forms ("met", "won") are left to semantic
/// similarity: no hand-kept list can cover them. Thread-safe (Lucene reuses one token stream per thread).
/// </summary>
public static class EnglishAnalyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Lucene's English stop set plus general function words (pronouns, auxiliaries, "said") that carry no topic.</summary>
    private static readonly CharArraySet StopSet = BuildStopSet();

    private static readonly FrozenSet<string> Stopwords = StopSet.Select(w => w.ToString()!).ToFrozenSet(StringComparer.Ordinal);

    private static readonly Analyzer Chain = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, StopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    private static readonly Analyzer Stemmer = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new KeywordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new PorterStemFilter(new LowerCaseFilter(Version, tokenizer)));
    });

    // English vocabulary is bounded; the cap only guards against a flood of unique tokens (ids, URLs).
    private const int StemCacheLimit = 200_000;
    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);

    /// <summary>The content terms of a text (stopwords removed, stemmed).</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text)) return terms;
        using var stream = Chain.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            if (term.Length > 0) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    /// <summary>True for a word the analysis drops (compared lower-cased).</summary>
    public static bool IsStopword(string word) => Stopwords.Contains(word.ToLowerInvariant());

    /// <summary>The stem <see cref="Terms"/> gives a single word (lower-cased, possessive kept out by the caller).</summary>
    public static string Stem(string word)
    {
        if (word.Length == 0) return word;
        if (StemCache.TryGetValue(word, out var cached)) return cached;
        string stem;
        using (var stream = Stemmer.GetTokenStream("word", word.Replace('’', '\'')))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            stem = stream.IncrementToken() ? term.ToString() : word;
            stream.End();
        }
        if (StemCache.Count < StemCacheLimit) StemCache.TryAdd(word, stem);
        return stem;
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

    private static CharArraySet BuildStopSet()
    {
        var set = new CharArraySet(Version, 200, ignoreCase: false);
        foreach (var word in Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet) set.Add(word.ToString());
        foreach (var word in new[]
                 {
                     "been", "from", "had", "has", "have", "he", "her", "his", "i", "its", "our", "she", "them", "we", "which",
                     "who", "whom", "would", "can", "could", "should", "may", "might", "also", "about", "after", "before", "during",
                     "over", "very", "more", "most", "any", "all", "some", "up", "out", "s", "t", "said", "says", "say", "being",
                     "what", "when", "where", "while", "how", "do", "does", "did", "just", "only", "other", "us", "you", "your",
                     "my", "me", "were", "so", "than",
                 })
            set.Add(word);
        return set;
    }
}
