using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Articles;

/// <summary>
/// Articles, newest first; filter by outlet name and by a text query over title and text. With <see cref="UpdatedSince"/>:
/// the articles changed at or after that instant, oldest change first (updatedAt, then id), paged by asking again from
/// the last one got (updatedSince = its updatedAt, afterId = its id), as <see cref="Claims.ListClaims"/> does.
/// </summary>
public sealed record ListArticles(string? Outlet, string? Q, int Page = 1, int PageSize = Paging.DefaultPageSize,
    DateTime? UpdatedSince = null, long? AfterId = null) : IQuery<PagedResult<ArticleSummary>>;

public sealed class ListArticlesValidator : AbstractValidator<ListArticles>
{
    public ListArticlesValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).PageSize();
        RuleFor(q => q.Q).MaximumLength(200);
        RuleFor(q => q.Outlet).MaximumLength(200);
        RuleFor(q => q.AfterId).Null().When(q => q.UpdatedSince is null)
            .WithMessage("'afterId' continues a sync: give it with updatedSince (the updatedAt and id of the last article you got).");
    }
}

public sealed class ListArticlesHandler(ClaimDeskDbContext db) : IQueryHandler<ListArticles, PagedResult<ArticleSummary>>
{
    public async ValueTask<PagedResult<ArticleSummary>> Handle(ListArticles query, CancellationToken ct)
    {
        var articles = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Outlet))
        {
            var outlet = Outlet.Normalize(query.Outlet);
            articles = articles.Where(a => a.Outlet.NormalizedName == outlet);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            articles = articles.Where(a => a.Title.Contains(q) || a.Text.Contains(q));
        }

        if (query.UpdatedSince is { } since)
        {
            since = since.ToUniversalTime();
            articles = query.AfterId is { } afterId
                ? articles.Where(a => a.UpdatedAt > since || (a.UpdatedAt == since && a.Id > afterId))
                : articles.Where(a => a.UpdatedAt >= since);
        }

        var total = await articles.CountAsync(ct);
        var ordered = query.UpdatedSince is null ? articles.OrderByDescending(a => a.Id) : articles.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id);
        var items = await ordered
            .Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(a => new ArticleSummary(a.Id, new OutletRef(a.Outlet.Id, a.Outlet.Name), a.Url, a.Title, a.PublishedAt,
                a.Language, a.State, a.FailureReason, a.Passages.Count, a.CreatedAt, a.UpdatedAt))
            .ToListAsync(ct);
        return new PagedResult<ArticleSummary>(items, query.Page, query.PageSize, total);
    }
}
