using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// Finds syndicated copies: two articles that are mostly the same text (a wire story re-published, lightly edited)
/// are one voice, not two. Compares word 5-gram shingles; containment (not Jaccard) so that a copy with an added
/// paragraph or a trimmed ending still counts.
/// </summary>
public static class SyndicationDetector
{
    private const int ShingleLength = 5;
    /// <summary>Share of the shorter text's shingles found in the other above which it is a copy.</summary>
    public const double CopyThreshold = 0.6;

    public static double Containment(string a, string b)
    {
        var shinglesA = Shingles(a);
        var shinglesB = Shingles(b);
        if (shinglesA.Count == 0 || shinglesB.Count == 0) return 0;
        var (smaller, larger) = shinglesA.Count <= shinglesB.Count ? (shinglesA, shinglesB) : (shinglesB, shinglesA);
        return (double)smaller.Count(larger.Contains) / smaller.Count;
    }

    public static bool IsNearCopy(string a, string b) => Containment(a, b) >= CopyThreshold;

    private static HashSet<long> Shingles(string text)
    {
        var words = EnglishAnalyzer.Words(text).ToList();
        var shingles = new HashSet<long>();
        for (var i = 0; i + ShingleLength <= words.Count; i++)
        {
            var hash = new HashCode();
            for (var j = 0; j < ShingleLength; j++) hash.Add(words[i + j], StringComparer.Ordinal);
            shingles.Add(hash.ToHashCode());
        }
        return shingles;
    }
}
