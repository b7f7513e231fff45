using System.Collections.Frozen;
using System.Numerics.Tensors;
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// The features the stance model reads from one claim and one whole article. Cheap ones cover every passage (cosine to
/// the claim, cue words, the claim's words); the expensive detectors (statement shapes, dates, numbers, clause-scoped
/// negation, actors, the rule classifier) run on the few passages closest to the claim only. The same code computes
/// them at training time and in the product, so the model sees what the product sees.
/// </summary>
internal static class StanceFeatures
{
    /// <summary>How many of the passages closest to the claim get the detailed reading (and are reported as deciding).</summary>
    public const int TopPassages = 3;

    /// <summary>Cosine above which a passage is counted as being about the claim (for the article-wide cue rates).</summary>
    private const double RelatedPassageSimilarity = 0.4;

    public static readonly string[] Names =
    [
        "cos_max", "cos_top3_mean", "cos_mean", "cos_share_040", "cos_share_055", "cos_lead", "best_position", "log_passages",
        "log_chars", "claim_terms", "claim_words_in_article", "claim_names_in_article", "claim_stems_best", "claim_stems_top",
        "claim_bigrams_top", "claim_numbers", "claim_numbers_top", "claim_refuting", "claim_hedging", "claim_question",
        "claim_negated", "refuting_top", "hedging_top", "reporting_top", "confirming_top", "negated_clause_top",
        "negation_mismatch_best", "refuting_rate", "hedging_rate", "reporting_rate", "confirming_rate", "refuting_related",
        "hedging_related", "refuting_lead", "quotes_top", "discrepancy_specifics", "discrepancy_negation",
        "discrepancy_actor", "rule_supports_best", "rule_contradicts_top", "not_endorsing_best", "claim_words_best_passage",
        "refuting_lexical", "hedging_lexical",
    ];

    /// <summary>The features with what produced them, kept for the explanation.</summary>
    internal sealed record Reading(float[] Features, int[] Top, double[] Cosines, IReadOnlyList<Discrepancy> Discrepancies, bool BestNotEndorsing);

    public static Reading Read(ClaimReading claim, StanceArticle article)
    {
        var passages = article.Passages;
        var n = passages.Count;
        var cosines = new double[n];
        for (var i = 0; i < n; i++) cosines[i] = TensorPrimitives.Dot(claim.Claim.Vector, passages[i].Vector);
        var top = TopIndices(cosines, Math.Min(TopPassages, n));

        var f = new float[Names.Length];
        var k = 0;
        void Put(double value) => f[k++] = double.IsFinite(value) ? (float)value : 0f;

        // Meaning: how close the closest passages are, how much of the article is about the claim, and where.
        Put(n == 0 ? 0 : cosines[top[0]]);
        Put(n == 0 ? 0 : top.Average(t => cosines[t]));
        Put(n == 0 ? 0 : cosines.Average());
        Put(n == 0 ? 0 : cosines.Count(c => c >= RelatedPassageSimilarity) / (double)n);
        Put(n == 0 ? 0 : cosines.Count(c => c >= 0.55) / (double)n);
        Put(n == 0 ? 0 : cosines.Take(2).Max());
        Put(n <= 1 ? 0 : top[0] / (double)(n - 1));
        Put(Math.Log(1 + n));

        // One pass over every word of the article: the claim's words, and the cue words per passage.
        var chars = 0;
        var words = 0;
        var found = new HashSet<string>(StringComparer.Ordinal);
        var refuting = new int[n];
        var hedging = new int[n];
        var reporting = new int[n];
        var confirming = new int[n];
        var claimWordHits = new int[n];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var claimWordLookup = claim.Words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[64];
        for (var i = 0; i < n; i++)
        {
            var text = passages[i].Text;
            chars += text.Length;
            seen.Clear();
            // Allocation-free: each word is lower-cased into a buffer and looked up as a span.
            var start = -1;
            for (var c = 0; c <= text.Length; c++)
            {
                var ch = c < text.Length ? text[c] : ' ';
                // The same words as EnglishAnalyzer.Words: inner apostrophes and hyphens, and decimal points or commas between digits.
                if (char.IsLetterOrDigit(ch)
                    || (start >= 0 && c + 1 < text.Length && char.IsLetterOrDigit(text[c + 1])
                        && (ch is '\'' or '’' or '-' || (ch is '.' or ',' && char.IsDigit(text[c - 1]) && char.IsDigit(text[c + 1])))))
                {
                    if (start < 0) start = c;
                    continue;
                }
                if (start < 0) continue;
                var word = text.AsSpan(start, c - start);
                start = -1;
                words++;
                if (word.Length > lower.Length) continue;
                var length = word.ToLowerInvariant(lower);
                var w = lower[..length];
                w.Replace('’', '\'');
                if (w.EndsWith("'s")) w = w[..^2];
                if (claimWordLookup.TryGetValue(w, out var claimWord))
                {
                    found.Add(claimWord);
                    if (seen.Add(claimWord)) claimWordHits[i]++;
                }
                if (Refuting.Contains(w)) refuting[i]++;
                if (Hedging.Contains(w)) hedging[i]++;
                if (Reporting.Contains(w)) reporting[i]++;
                if (Confirming.Contains(w)) confirming[i]++;
            }
        }
        Put(Math.Log(1 + chars));
        Put(claim.Stems.Count);
        Put(claim.Words.Count == 0 ? 0 : found.Count / (double)claim.Words.Count);
        Put(claim.NameWords.Count == 0 ? 0 : claim.NameWords.Count(found.Contains) / (double)claim.NameWords.Count);

        // The closest passages, read in detail.
        var shapes = top.Select(t => StatementShape.Of(passages[t].Text, article.PublishedAt)).ToArray();
        var topStems = new HashSet<string>(shapes.SelectMany(s => s.Terms), StringComparer.Ordinal);
        var topBigrams = new HashSet<(string, string)>();
        foreach (var shape in shapes)
            for (var i = 0; i + 1 < shape.Terms.Count; i++) topBigrams.Add((shape.Terms[i], shape.Terms[i + 1]));
        Put(shapes.Length == 0 ? 0 : StanceClassifier.Coverage(claim.Shape, shapes[0]));
        Put(claim.Stems.Count == 0 ? 0 : claim.Stems.Count(topStems.Contains) / (double)claim.Stems.Count);
        Put(claim.Bigrams.Count == 0 ? 0 : claim.Bigrams.Count(topBigrams.Contains) / (double)claim.Bigrams.Count);
        Put(claim.Shape.Numbers.Count);
        Put(claim.Shape.Numbers.Count == 0 ? 0
            : claim.Shape.Numbers.Count(c => shapes.Any(s => s.Numbers.Any(pn => pn.Value == c.Value))) / (double)claim.Shape.Numbers.Count);
        Put(claim.Refuting ? 1 : 0);
        Put(claim.Hedging ? 1 : 0);
        Put(claim.Question ? 1 : 0);
        Put(claim.Shape.Negated ? 1 : 0);

        Put(top.Sum(t => refuting[t]));
        Put(top.Sum(t => hedging[t]));
        Put(top.Sum(t => reporting[t]));
        Put(top.Sum(t => confirming[t]));
        var negatedClauses = top.Select(t => ClauseNegated(passages[t].Text, claim.Stems)).ToArray();
        Put(negatedClauses.Count(x => x));
        Put(n == 0 ? 0 : negatedClauses[0] != claim.Shape.Negated ? 1 : 0);

        var per100 = words == 0 ? 0 : 100.0 / words;
        Put(refuting.Sum() * per100);
        Put(hedging.Sum() * per100);
        Put(reporting.Sum() * per100);
        Put(confirming.Sum() * per100);
        var related = Enumerable.Range(0, n).Where(i => cosines[i] >= RelatedPassageSimilarity).ToList();
        Put(related.Count == 0 ? 0 : related.Sum(i => refuting[i]) / (double)related.Count);
        Put(related.Count == 0 ? 0 : related.Sum(i => hedging[i]) / (double)related.Count);
        Put(refuting.Take(3).Sum());
        Put(top.Count(t => passages[t].Text.IndexOfAny(['"', '“', '”']) >= 0));

        // The rule detectors on the closest passages: their mismatches are features here and the explanation later.
        var discrepancies = new List<Discrepancy>();
        var rules = new Stance[top.Length];
        for (var j = 0; j < top.Length; j++)
        {
            var assessment = StanceClassifier.Classify(claim.Shape, claim.Claim.Text, shapes[j], passages[top[j]].Text, cosines[top[j]]);
            rules[j] = assessment.Stance;
            foreach (var d in assessment.Discrepancies)
                if (!discrepancies.Contains(d)) discrepancies.Add(d);
        }
        // A date or a figure that differs on the same event is one kind of evidence: training teaches it with changed figures.
        Put(discrepancies.Any(d => d.Kind is DiscrepancyKind.Date or DiscrepancyKind.Number) ? 1 : 0);
        Put(discrepancies.Any(d => d.Kind == DiscrepancyKind.Negation) ? 1 : 0);
        Put(discrepancies.Any(d => d.Kind == DiscrepancyKind.Actor) ? 1 : 0);
        Put(rules.Length > 0 && rules[0] == Stance.Supports ? 1 : 0);
        Put(rules.Any(r => r == Stance.Contradicts) ? 1 : 0);
        var bestNotEndorsing = n > 0 && StanceCues.Any(passages[top[0]].Text, StanceCues.NotEndorsing) && !claim.NotEndorsing;
        Put(bestNotEndorsing ? 1 : 0);

        // Passages that share the claim's words, wherever they stand (a debunking line may not be the closest in meaning).
        var claimWords = Math.Max(1, claim.Words.Count);
        Put(n == 0 ? 0 : claimWordHits.Max() / (double)claimWords);
        var lexical = Enumerable.Range(0, n).Where(i => claimWordHits[i] / (double)claimWords >= 0.3).ToList();
        Put(lexical.Count == 0 ? 0 : lexical.Sum(i => refuting[i]) / (double)lexical.Count);
        Put(lexical.Count == 0 ? 0 : lexical.Sum(i => hedging[i]) / (double)lexical.Count);

        if (k != Names.Length) throw new InvalidOperationException($"Feature count {k} does not match the {Names.Length} names.");
        return new Reading(f, top, cosines, discrepancies, bestNotEndorsing);
    }

    /// <summary>Indices of the <paramref name="count"/> largest values, largest first (ties: earlier passage first).</summary>
    internal static int[] TopIndices(double[] values, int count)
    {
        var top = new int[count];
        var filled = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (filled == count && values[i] <= values[top[count - 1]]) continue;
            var j = filled < count ? filled++ : count - 1;
            while (j > 0 && values[top[j - 1]] < values[i])
            {
                top[j] = top[j - 1];
                j--;
            }
            top[j] = i;
        }
        return top;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Refuting = StanceCues.Refuting.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Hedging = StanceCues.Hedging.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Reporting = StanceCues.Reporting.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Confirming = StanceCues.Confirming.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal) { "but", "although", "though", "whereas", "while", "however" };

    /// <summary>
    /// Whether a clause of the passage that uses one of the claim's terms is negated ("…, but he did not sign it"), so a
    /// negation elsewhere in the sentence does not count. "Not only … but also" adds, it does not deny.
    /// </summary>
    internal static bool ClauseNegated(string text, IReadOnlySet<string> claimStems)
    {
        var hasTerm = false;
        var negations = 0;
        var previous = "";
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '.';
            if (char.IsLetterOrDigit(c) || (start >= 0 && c is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                var word = text[start..i].ToLowerInvariant().Replace('’', '\'');
                start = -1;
                if (ClauseWords.Contains(word))
                {
                    if (hasTerm && negations > 0) return true;
                    hasTerm = false;
                    negations = 0;
                }
                else if (StanceCues.Negation.Contains(word)) negations++;
                else if (word is "only" or "just" && previous == "not") negations--;
                else if (!EnglishAnalyzer.IsStopword(word) && claimStems.Contains(EnglishAnalyzer.Stem(word))) hasTerm = true;
                previous = word;
            }
            if (c is ',' or ';' or ':' or '(' or ')' or '—' or '–' or '.' or '!' or '?')
            {
                if (hasTerm && negations > 0) return true;
                hasTerm = false;
                negations = 0;
            }
        }
        return false;
    }
}
