using System.Globalization;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Analysis.Text;
using ClaimDesk.Fnc1;

namespace ClaimDesk.Training;

/// <summary>One (claim, article) example: its features as the product computes them, its gold label, and its body.</summary>
public sealed record StanceExample(int BodyId, string Headline, Fnc1Label Label, float[] Features, bool Synthetic);

/// <summary>Turns FNC-1 pairs into examples: bodies split with the product's <see cref="PassageSplitter"/>, MiniLM vectors from the cache.</summary>
public sealed class StanceExamples(Fnc1Dataset data, EmbeddingCache vectors)
{
    private readonly Dictionary<int, StanceArticle> _articles = data.Bodies.ToDictionary(b => b.Key, b => Article(b.Value, vectors));

    public static IEnumerable<string> TextsToEmbed(Fnc1Dataset data) =>
        data.Pairs.Select(p => p.Headline).Concat(data.Bodies.Values.SelectMany(body => PassageSplitter.Split(body).Select(s => s.Slice(body))));

    public StanceArticle ArticleOf(int bodyId) => _articles[bodyId];

    public StanceClaim ClaimOf(string headline) => new(headline, vectors.Get(headline), null, "en");

    /// <summary>Features of every pair, computed in parallel into a fixed order (so the result does not depend on scheduling).</summary>
    public IReadOnlyList<StanceExample> Build(IReadOnlyList<(string Headline, int BodyId, Fnc1Label Label, bool Synthetic)> pairs)
    {
        var readings = pairs.Select(p => p.Headline).Distinct(StringComparer.Ordinal)
            .AsParallel().Select(h => (h, ClaimReading.Of(ClaimOf(h)))).ToDictionary(x => x.h, x => x.Item2, StringComparer.Ordinal);
        var examples = new StanceExample[pairs.Count];
        Parallel.For(0, pairs.Count, i =>
        {
            var (headline, bodyId, label, synthetic) = pairs[i];
            examples[i] = new StanceExample(bodyId, headline, label, StanceFeatures.Read(readings[headline], _articles[bodyId]).Features, synthetic);
        });
        return examples;
    }

    /// <summary>
    /// Contradictions FNC-1 hardly has: the same report with another figure. From each agreeing pair whose headline
    /// states a count the body repeats, a copy of the headline with that count changed, labelled disagree — so a number
    /// mismatch on the same story counts as the contradiction it is. Made only from training bodies.
    /// </summary>
    public static List<(string Headline, int BodyId, Fnc1Label Label, bool Synthetic)> ChangedFigures(Fnc1Dataset data, IEnumerable<Fnc1Pair> pairs)
    {
        var made = new List<(string, int, Fnc1Label, bool)>();
        foreach (var pair in pairs.Where(p => p.Label == Fnc1Label.Agree))
        {
            var body = data.Bodies[pair.BodyId];
            var number = NumberMentions.Find(pair.Headline)
                .FirstOrDefault(n => !n.IsPercent && n.Unit != "year" && n.Value >= 2 && n.Value < 1_000_000 && n.Value == Math.Floor(n.Value)
                                     && char.IsDigit(pair.Headline[n.Start]) && body.Contains(Digits(pair.Headline, n), StringComparison.Ordinal));
            if (number is null) continue;
            var digits = Digits(pair.Headline, number);
            var value = decimal.Parse(digits.Replace(",", ""), CultureInfo.InvariantCulture);
            var changed = value + Math.Max(1, Math.Round(value / 2));
            var headline = pair.Headline[..number.Start] + changed.ToString("0", CultureInfo.InvariantCulture) + pair.Headline[(number.Start + digits.Length)..];
            made.Add((headline, pair.BodyId, Fnc1Label.Disagree, true));
        }
        return made;
    }

    private static string Digits(string text, NumberMention number)
    {
        var end = number.Start;
        while (end < text.Length && (char.IsDigit(text[end]) || (text[end] == ',' && end + 1 < text.Length && char.IsDigit(text[end + 1])))) end++;
        return text[number.Start..end];
    }

    private static StanceArticle Article(string body, EmbeddingCache vectors)
    {
        var passages = PassageSplitter.Split(body)
            .Select(s => new StancePassage(s.Index, s.Start, s.End, s.Slice(body), vectors.Get(s.Slice(body)))).ToList();
        return new StanceArticle(null, null, passages, null, "en");
    }
}
