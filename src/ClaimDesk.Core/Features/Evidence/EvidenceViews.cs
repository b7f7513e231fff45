using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;

namespace ClaimDesk.Core.Features.Evidence;

public sealed record EvidenceArticle(long Id, string Title, string? Url, DateOnly? PublishedAt, string Language, OutletRef Outlet);

/// <summary>A passage that decided the stance: its text and character offsets into the article's text (for highlighting), best first.</summary>
public sealed record EvidencePassage(long Id, int Index, int Start, int End, string Text, double? Similarity);

/// <summary>
/// One evidence item: an article of the desk (or a cited URL), its stance as the model judged it, the passages that
/// decided it, the discrepancies that explain it, its independence judged now, and its review.
/// </summary>
public sealed record EvidenceView(
    long Id, long ClaimId, EvidenceArticle? Article, IReadOnlyList<EvidencePassage> Passages, string? ExternalUrl,
    Stance Stance, double Score, bool Independent, string? DependenceReason, IReadOnlyList<Discrepancy> Discrepancies,
    string? ModelNote, string? Model, EvidenceReviewState ReviewState, string? ReviewNote, string? ReviewedBy, string? CitedBy,
    DateTime CreatedAt, DateTime? JudgedAt);

/// <summary>What one run of the evidence engine looked at.</summary>
public sealed record GatheringView(
    long Id, GatheringKind Kind, DateTime StartedAt, DateTime FinishedAt, double ElapsedMs, int ArticlesConsidered, int ArticlesRelated,
    int EvidenceAdded, int Cap, bool CapReached, string Model);

/// <summary>A page of a claim's evidence, with the latest gathering run (null before the first has finished).</summary>
public sealed record ClaimEvidencePage(IReadOnlyList<EvidenceView> Items, int Page, int PageSize, int Total, GatheringView? Gathering)
    : PagedResult<EvidenceView>(Items, Page, PageSize, Total);
