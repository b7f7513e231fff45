using System.Collections.Frozen;
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// What the stance features need from a claim, read once per claim (gathering judges one claim against many articles):
/// its shape, content stems and stem bigrams, the lower-cased words it is written in, its names, and its own cues.
/// </summary>
internal sealed class ClaimReading
{
    public required StanceClaim Claim { get; init; }
    public required StatementShape Shape { get; init; }
    public required FrozenSet<string> Stems { get; init; }
    public required FrozenSet<(string, string)> Bigrams { get; init; }
    /// <summary>Content words as written (lower-cased, stopwords out): matched against a whole article without stemming it.</summary>
    public required FrozenSet<string> Words { get; init; }
    /// <summary>The words of the claim's names (lower-cased).</summary>
    public required FrozenSet<string> NameWords { get; init; }
    public required bool Refuting { get; init; }
    public required bool Hedging { get; init; }
    public required bool NotEndorsing { get; init; }
    public required bool Question { get; init; }

    public static ClaimReading Of(StanceClaim claim)
    {
        var shape = StatementShape.Of(claim.Text, claim.ContextDate);
        var words = EnglishAnalyzer.Words(claim.Text).ToList();
        var bigrams = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < shape.Terms.Count; i++) bigrams.Add((shape.Terms[i], shape.Terms[i + 1]));
        return new ClaimReading
        {
            Claim = claim,
            Shape = shape,
            Stems = shape.Terms.ToFrozenSet(StringComparer.Ordinal),
            Bigrams = bigrams.ToFrozenSet(),
            Words = words.Where(w => !EnglishAnalyzer.IsStopword(w) && w.Length > 1).ToFrozenSet(StringComparer.Ordinal),
            NameWords = shape.Names.SelectMany(n => n.Split(' ')).Select(w => w.ToLowerInvariant()).Where(w => w.Length > 1)
                .ToFrozenSet(StringComparer.Ordinal),
            Refuting = words.Any(StanceCues.Refuting.Contains),
            Hedging = words.Any(StanceCues.Hedging.Contains),
            NotEndorsing = words.Any(StanceCues.NotEndorsing.Contains),
            Question = claim.Text.TrimEnd().EndsWith('?'),
        };
    }
}
