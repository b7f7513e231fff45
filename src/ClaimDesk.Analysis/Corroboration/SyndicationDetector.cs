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

    public static double Containment(string a, string b) => Containment(Shingles(a), Shingles(b));

    public static bool IsNearCopy(string a, string b) => Containment(a, b) >= CopyThreshold;

    /// <summary>For comparing one text with many: shingle it once.</summary>
    public static bool IsNearCopy(IReadOnlySet<int> shinglesA, string b) => Containment(shinglesA, Shingles(b)) >= CopyThreshold;

    public static double Containment(IReadOnlySet<int> shinglesA, IReadOnlySet<int> shinglesB)
    {
        if (shinglesA.Count == 0 || shinglesB.Count == 0) return 0;
        var (smaller, larger) = shinglesA.Count <= shinglesB.Count ? (shinglesA, shinglesB) : (shinglesB, shinglesA);
        return (double)smaller.Count(larger.Contains) / smaller.Count;
    }

    /// <summary>Hashes of every run of five words.</summary>
    public static HashSet<int> Shingles(string text)
    {
        var words = EnglishAnalyzer.Words(text).ToList();
        var shingles = new HashSet<int>();
        for (var i = 0; i + ShingleLength <= words.Count; i++)
        {
            var hash = new HashCode();
            for (var j = 0; j < ShingleLength; j++) hash.Add(words[i + j], StringComparer.Ordinal);
            shingles.Add(hash.ToHashCode());
        }
        return shingles;
    }
}
