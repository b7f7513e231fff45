// Placeholder for the corroboration contracts while the engine is written on its own branch; removed at merge.
namespace ClaimDesk.Analysis.Corroboration;

public enum Stance { Supports, Contradicts, Mentions }

public enum DiscrepancyKind { Date, Number, Negation, Actor }

public sealed record Discrepancy(DiscrepancyKind Kind, string ClaimValue, string PassageValue);
