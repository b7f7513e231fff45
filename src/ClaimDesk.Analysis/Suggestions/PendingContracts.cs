// Placeholder for the suggestion contracts while the analysis is written on its own branch; removed at merge.
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Suggestions;

public sealed record SuggestionSignal(string Code, string Description, double Weight);

public sealed record ClaimSuggestion(string Text, int Start, int End, double CheckWorthiness, ClaimKind Kind, string? Claimant, IReadOnlyList<SuggestionSignal> Signals);

public static class ClaimSuggester
{
    public static IReadOnlyList<ClaimSuggestion> Suggest(string articleText) =>
        PassageSplitter.Split(articleText).Select(p => Assess(articleText, new TextSpan(p.Start, p.End))).ToList();

    public static ClaimSuggestion Assess(string articleText, TextSpan span) =>
        new(span.Slice(articleText), span.Start, span.End, 0.5, ClaimKind.Factual, null, []);
}
