using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;

namespace ClaimDesk.Core.Features.Evidence;

public sealed record EvidenceArticle(long Id, string Title, string? Url, DateOnly? PublishedAt, OutletRef Outlet);

public sealed record EvidencePassage(long Id, int Start, int End, string Text);

public sealed record EvidenceView(
    long Id, long ClaimId, EvidenceArticle? Article, EvidencePassage? Passage, string? ExternalUrl,
    Stance Stance, double Score, bool Independent, string? DependenceReason, IReadOnlyList<Discrepancy> Discrepancies,
    EvidenceReviewState ReviewState, string? ReviewNote, string? ReviewedBy, string? CitedBy, DateTime CreatedAt);
