namespace ClaimDesk.Analysis.Corroboration;

/// <summary>What a passage does to a claim.</summary>
public enum Stance { Supports, Contradicts, Mentions }

/// <summary>The kinds of mismatch a reviewer is shown between a claim and a passage about the same event.</summary>
public enum DiscrepancyKind { Date, Number, Negation, Actor }

/// <summary>A typed mismatch, with the claim's value and the passage's value in words.</summary>
public sealed record Discrepancy(DiscrepancyKind Kind, string ClaimValue, string PassageValue);

/// <summary>The verdict of the stance classifier on one passage: stance, confidence 0..1, and the mismatches found.</summary>
public sealed record StanceAssessment(Stance Stance, double Score, IReadOnlyList<Discrepancy> Discrepancies);
