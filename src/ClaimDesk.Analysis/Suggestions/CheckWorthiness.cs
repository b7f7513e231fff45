using System.Text.RegularExpressions;
using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.Analysis.Suggestions;

/// <summary>
/// Scores how worth checking a sentence is, 0..1, as a sum of explainable signals on a base: specifics a checker can
/// look up (numbers, dates, named people and places, comparisons, causes, events) raise it; questions, hedges,
/// opinions, predictions and fragments lower it.
/// </summary>
public static partial class CheckWorthiness
{
    private const double Base = 0.35;

    [GeneratedRegex(@"\b(first|second|last|previous|next)\s+(term|year|month|week|decade|administration|quarter)\b|\b(19|20)\d\d\b|\b(yesterday|last\s+\w+day|this\s+year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TemporalReference();

    [GeneratedRegex(@"\b(more|less|fewer|higher|lower|larger|smaller|bigger|greater)\s+than\b|\b(most|least|largest|biggest|highest|lowest|first-ever|record)\b|\bunlike\b|\bcompared (with|to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"\b(because|due to|led to|leads to|caused|causes|as a result|resulted in|results in|in exchange for)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Causal();

    [GeneratedRegex(@"\b\w{3,}ed\b|\b(met|sent|held|won|lost|fell|rose|grew|paid|sold|bought|began|took|gave|made|led|left|fought|struck)\b|\b(did not|didn't|never)\s+\w+", RegexOptions.IgnoreCase)]
    private static partial Regex EventVerb();

    [GeneratedRegex(@"\b(may|might|could|possibly|perhaps|potentially|reportedly|allegedly|likely|appears? to|seems? to|suggest(s|ed)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hedge();

    [GeneratedRegex(@"\b(I|we) (think|believe|feel)\b|\b(should|must|ought to)\b|\b(dire|stern|historic|shameful|disastrous|brilliant|terrible|reckless|hasty|stark|beautiful|controversial|ultimate|incredible)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Opinion();

    [GeneratedRegex(@"\b(will|would|plans? to|is set to|going to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Future();

    public static (double Score, List<SuggestionSignal> Signals) Score(string sentence, StatementShape shape, bool editorialAside)
    {
        var signals = new List<SuggestionSignal>();
        void Add(string code, string description, double weight) => signals.Add(new SuggestionSignal(code, description, weight));

        if (shape.Numbers.Any(n => n.Unit != "year")) Add("number", "states a number or percentage", 0.12);
        if (shape.Dates.Count > 0 || shape.Numbers.Any(n => n.Unit == "year") || TemporalReference().IsMatch(sentence))
            Add("date", "names a date or a period", 0.12);
        var names = shape.Names.Distinct().Count();
        if (names > 0) Add("namedEntity", $"names {names} person(s), place(s) or organisation(s)", Math.Min(0.15, 0.05 * names));
        if (Comparison().IsMatch(sentence)) Add("comparison", "compares or ranks", 0.1);
        if (Causal().IsMatch(sentence)) Add("causal", "claims a cause or an effect", 0.08);
        if (EventVerb().IsMatch(sentence)) Add("event", "reports something that happened (or did not)", 0.08);
        if (editorialAside) Add("unsourcedAssertion", "asserted in the outlet's own voice with no source", 0.1);

        if (sentence.TrimEnd('”', '"', ' ').EndsWith('?')) Add("question", "asks rather than asserts", -0.35);
        if (Hedge().IsMatch(sentence)) Add("hedge", "hedged or speculative", -0.08);
        if (Opinion().IsMatch(sentence)) Add("opinion", "evaluative or normative wording", -0.08);
        if (Future().IsMatch(sentence)) Add("prediction", "about the future or a hypothetical", -0.05);
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < 6) Add("fragment", "too short to state a checkable fact", -0.25);

        var score = Math.Clamp(Base + signals.Sum(s => s.Weight), 0, 1);
        return (Math.Round(score, 4), signals);
    }
}
