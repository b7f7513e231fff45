namespace ClaimDesk.Analysis.Suggestions;

/// <summary>One reason a sentence's score or kind is what it is. Weight is its effect on check-worthiness (+ or −).</summary>
public sealed record SuggestionSignal(string Code, string Description, double Weight);

/// <summary>A sentence worth checking (or not): exact offsets, check-worthiness 0..1, kind, claimant, and why.</summary>
public sealed record ClaimSuggestion(
    string Text, int Start, int End, double CheckWorthiness, ClaimKind Kind, string? Claimant, IReadOnlyList<SuggestionSignal> Signals);
