using System.Text.Json.Nodes;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Review;

/// <summary>
/// The desk's ClaimReview feed. Without filters: every live (published) review, newest first. With updatedSince: every
/// review whose state changed at or after that instant, oldest change first — withdrawals and supersessions included,
/// so a reader that syncs learns what to take down. state picks the states explicitly.
/// </summary>
public sealed record ListPublishedReviews(IReadOnlyList<ReviewState>? State, DateTime? UpdatedSince, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedResult<JsonObject>>;

public sealed class ListPublishedReviewsValidator : AbstractValidator<ListPublishedReviews>
{
    public ListPublishedReviewsValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).PageSize();
        RuleFor(q => q.State).AtMostItems(Enum.GetValues<ReviewState>().Length);
        RuleForEach(q => q.State).IsInEnum();
    }
}

public sealed class ListPublishedReviewsHandler(ClaimDeskDbContext db, IOptions<DeskOptions> desk)
    : IQueryHandler<ListPublishedReviews, PagedResult<JsonObject>>
{
    public async ValueTask<PagedResult<JsonObject>> Handle(ListPublishedReviews query, CancellationToken ct)
    {
        ClaimReviewDocument.EnsurePublishable(desk.Value);
        var reviews = db.PublishedReviews.AsNoTracking();
        var states = query.State ?? (query.UpdatedSince is null ? [ReviewState.Published] : null);
        if (states is { Count: > 0 }) reviews = reviews.Where(r => states.Contains(r.State));
        if (query.UpdatedSince is { } since)
        {
            var utc = since.ToUniversalTime();
            reviews = reviews.Where(r => r.UpdatedAt >= utc);
        }
        var total = await reviews.CountAsync(ct);
        var ordered = query.UpdatedSince is null
            ? reviews.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)
            : reviews.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id);
        var ids = await ordered.Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize).Select(r => r.Id).ToListAsync(ct);
        var rows = await ClaimReviewDocument.Rows(db.PublishedReviews.AsNoTracking().Where(r => ids.Contains(r.Id))).ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Review.Id);
        return new PagedResult<JsonObject>(ids.Select(id => ClaimReviewDocument.Render(byId[id], desk.Value)).ToList(),
            query.Page, query.PageSize, total);
    }
}
