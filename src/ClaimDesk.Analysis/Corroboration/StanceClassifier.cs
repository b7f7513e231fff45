namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// Decides whether a passage supports, contradicts or only mentions a claim.
///
/// A passage is about the same event when it shares the claim's predicate (what happened) and at least one of its
/// names, or is a close paraphrase. About the same event, any mismatch — a different date or number, a flipped
/// negation, another actor doing the thing — makes it contradict. It supports only when it is close in meaning,
/// carries the claim's names, dates and numbers, and shows no mismatch; anything else on the topic merely mentions.
/// Conservative on purpose: a wrong "supports" can verify a claim, a wrong "mentions" only costs a reviewer a look.
/// </summary>
public static class StanceClassifier
{
    /// <summary>Cosine (MiniLM) above which two sentences say much the same thing.</summary>
    public const double ParaphraseSimilarity = 0.72;
    /// <summary>Cosine above which a passage sharing the claim's words can support it.</summary>
    public const double SupportSimilarity = 0.6;
    /// <summary>Cosine above which a passage naming the claim's people and sharing its words tells the same story.</summary>
    public const double SameStorySimilarity = 0.5;

    public static StanceAssessment Classify(string claimText, DateOnly? claimContextDate, string passageText, DateOnly? passageContextDate, double semanticSimilarity) =>
        Classify(StatementShape.Of(claimText, claimContextDate), claimText, StatementShape.Of(passageText, passageContextDate), passageText, semanticSimilarity);

    /// <summary>The same, on shapes already read (the stance model reads each passage once for several uses).</summary>
    internal static StanceAssessment Classify(StatementShape claim, string claimText, StatementShape passage, string passageText, double semanticSimilarity)
    {
        var coverage = Coverage(claim, passage);
        var sharedNames = claim.Names.Count(passage.Mentions);
        var predicateShared = claim.Predicate is { } p && passage.Terms.Contains(p);
        var sameEvent = SameEvent(claim, passage, semanticSimilarity, coverage, sharedNames, predicateShared);

        var discrepancies = sameEvent ? FindDiscrepancies(claim, passage, passageText) : [];
        if (discrepancies.Count > 0)
            return new StanceAssessment(Stance.Contradicts, Score(semanticSimilarity, coverage), discrepancies);

        var carriesSpecifics = claim.Dates.All(d => passage.Dates.Any(pd => pd.Date == d.Date))
                               && claim.Numbers.All(n => passage.Numbers.Any(pn => pn.Value == n.Value && pn.IsPercent == n.IsPercent))
                               && sharedNames * 2 >= claim.Names.Count;
        var closeEnough = semanticSimilarity >= ParaphraseSimilarity
                          || (semanticSimilarity >= SupportSimilarity && coverage >= 0.5 && (predicateShared || claim.Predicate is null));
        // "…, the opposition claimed falsely", "may have won": a passage that reports the claim without endorsing it
        // (hedged, or marked false) does not support it, unless the claim is hedged the same way.
        var endorses = !StanceCues.Any(passageText, StanceCues.NotEndorsing) || StanceCues.Any(claimText, StanceCues.NotEndorsing);
        if (sameEvent && carriesSpecifics && closeEnough && endorses)
            return new StanceAssessment(Stance.Supports, Score(semanticSimilarity, coverage), []);

        return new StanceAssessment(Stance.Mentions, Math.Round(Math.Clamp(semanticSimilarity, 0, 1) * 0.8, 4), []);
    }

    /// <summary>
    /// The same event: what happened is shared, and so is who was involved — or everything but the names is (another
    /// actor doing the very same thing is the same event, told differently); or the passage names the claim's people,
    /// shares its words and is close in meaning ("met … on 23 November" vs "during a meeting … on 22 November").
    /// </summary>
    private static bool SameEvent(StatementShape claim, StatementShape passage, double semanticSimilarity, double coverage, int sharedNames, bool predicateShared) =>
        (predicateShared && coverage >= 0.3 && (sharedNames > 0 || claim.Names.Count == 0 || CoverageWithoutNames(claim, passage) >= 0.6))
        || (sharedNames >= 2 && coverage >= 0.3 && semanticSimilarity >= SameStorySimilarity)
        || semanticSimilarity >= ParaphraseSimilarity;

    /// <summary>The mismatches a passage about the same event shows, or none when it is about something else.</summary>
    internal static IReadOnlyList<Discrepancy> Discrepancies(StatementShape claim, StatementShape passage, string passageText, double semanticSimilarity)
    {
        var coverage = Coverage(claim, passage);
        var sharedNames = claim.Names.Count(passage.Mentions);
        var predicateShared = claim.Predicate is { } p && passage.Terms.Contains(p);
        return SameEvent(claim, passage, semanticSimilarity, coverage, sharedNames, predicateShared) ? FindDiscrepancies(claim, passage, passageText) : [];
    }

    private static List<Discrepancy> FindDiscrepancies(StatementShape claim, StatementShape passage, string passageText)
    {
        var found = new List<Discrepancy>();
        // Dates: the claim's day is not among the passage's days.
        if (claim.Dates.Count > 0 && passage.Dates.Count > 0 && !claim.Dates.Any(d => passage.Dates.Any(pd => pd.Date == d.Date)))
            found.Add(new Discrepancy(DiscrepancyKind.Date, Iso(claim.Dates[0].Date), Iso(passage.Dates[0].Date)));

        // Numbers: like with like (the same unit), and none of the passage's values matches.
        foreach (var number in claim.Numbers)
        {
            var comparable = passage.Numbers.Where(n => n.IsPercent == number.IsPercent && n.Unit == number.Unit).ToList();
            if (comparable.Count == 0 || comparable.Any(n => n.Value == number.Value)) continue;
            found.Add(new Discrepancy(number.Unit == "year" ? DiscrepancyKind.Date : DiscrepancyKind.Number, number.Text, comparable[0].Text));
        }

        if (claim.Negated != passage.Negated && claim.Predicate is not null && passage.Terms.Contains(claim.Predicate))
            found.Add(new Discrepancy(DiscrepancyKind.Negation, claim.Negated ? "negated" : "affirmed", passage.Negated ? "negated" : "affirmed"));

        // Another actor doing the thing: the name right before the passage's predicate is not one the claim names.
        if (claim.Subject is { } subject && claim.Predicate is { } predicate
            && StatementShape.ActorOf(passageText, predicate) is { } actor
            && !StatementShape.NamesOverlap(actor, subject) && !claim.Mentions(actor))
            found.Add(new Discrepancy(DiscrepancyKind.Actor, subject, actor));
        return found;
    }

    /// <summary>Share of the claim's content terms that the passage uses.</summary>
    internal static double Coverage(StatementShape claim, StatementShape passage)
    {
        if (claim.Terms.Count == 0) return 0;
        var passageTerms = passage.Terms.ToHashSet(StringComparer.Ordinal);
        return (double)claim.Terms.Distinct(StringComparer.Ordinal).Count(passageTerms.Contains) / claim.Terms.Distinct(StringComparer.Ordinal).Count();
    }

    private static double CoverageWithoutNames(StatementShape claim, StatementShape passage)
    {
        var nameTerms = claim.Names.SelectMany(n => Text.EnglishAnalyzer.Terms(n)).ToHashSet(StringComparer.Ordinal);
        var terms = claim.Terms.Where(t => !nameTerms.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0) return 0;
        var passageTerms = passage.Terms.ToHashSet(StringComparer.Ordinal);
        return (double)terms.Count(passageTerms.Contains) / terms.Count;
    }

    private static double Score(double similarity, double coverage) =>
        Math.Round(Math.Clamp(0.6 * similarity + 0.4 * coverage, 0, 1), 4);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
