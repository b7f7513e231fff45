using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.Core.Domain;

/// <summary>
/// What an <c>evidenceAdded</c> audit event records for one run of the evidence engine (a gathering or the matching of
/// a new article): every evidence item that run added, in one event, so a webhook can report the run in one delivery.
/// </summary>
public sealed record EvidenceAddedPayload(GatheringKind Run, long GatheringRunId, IReadOnlyList<EvidenceAddedItem> Items);

/// <summary>
/// One new evidence item: the article (its address, when it was fetched from one), its outlet, the stance the model gave it,
/// and whether it was independent when added.
/// </summary>
public sealed record EvidenceAddedItem(
    long EvidenceId, long ArticleId, string ArticleTitle, long OutletId, string OutletName, Stance Stance, double Score, bool Independent,
    string? ArticleUrl = null);
