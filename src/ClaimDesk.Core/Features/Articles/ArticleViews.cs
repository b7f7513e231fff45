using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Features.Articles;

public sealed record OutletRef(long Id, string Name);

public sealed record PassageView(long Id, int Index, int Paragraph, int Start, int End, string Text);

/// <summary>An article in a list: everything but the text.</summary>
public sealed record ArticleSummary(
    long Id, OutletRef Outlet, string? Url, string Title, DateOnly? PublishedAt, string Language,
    ArticleState State, string? FailureReason, int PassageCount, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record ArticleDetail(
    long Id, OutletRef Outlet, string? Url, string Title, DateOnly? PublishedAt, string Language,
    ArticleState State, string? FailureReason, string? ContentHash, DateTime CreatedAt, DateTime UpdatedAt, DateTime? IndexedAt,
    string Text, IReadOnlyList<PassageView> Passages);

/// <summary>The answer to a registration: the article, and whether it is new (201) or the one already held (200).</summary>
public sealed record ArticleRegistration(ArticleDetail Article, bool Created);
