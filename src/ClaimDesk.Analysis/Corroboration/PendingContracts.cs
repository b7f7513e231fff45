// Placeholder for the corroboration contracts while the engine is written on its own branch; removed at merge.
namespace ClaimDesk.Analysis.Corroboration;

public enum Stance { Supports, Contradicts, Mentions }

public enum DiscrepancyKind { Date, Number, Negation, Actor }

public sealed record Discrepancy(DiscrepancyKind Kind, string ClaimValue, string PassageValue);

public sealed record StanceAssessment(Stance Stance, double Score, IReadOnlyList<Discrepancy> Discrepancies);

public static class StanceClassifier
{
    public static StanceAssessment Classify(string claimText, DateOnly? claimContextDate, string passageText, DateOnly? passageContextDate, double semanticSimilarity) =>
        new(Stance.Mentions, semanticSimilarity, []);
}

public static class SyndicationDetector
{
    public static double Containment(string a, string b) => 0;
    public static bool IsNearCopy(string a, string b) => false;
}
