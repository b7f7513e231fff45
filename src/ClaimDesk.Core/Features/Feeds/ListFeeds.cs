using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Feeds;

public sealed record ListFeeds(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<FeedView>>, IPagedQuery;

public sealed class ListFeedsValidator : PagedQueryValidator<ListFeeds>;

public sealed class ListFeedsHandler(ClaimDeskDbContext db) : IQueryHandler<ListFeeds, PagedResult<FeedView>>
{
    public async ValueTask<PagedResult<FeedView>> Handle(ListFeeds query, CancellationToken ct) =>
        await db.Feeds.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new FeedView(f.Id, f.Url, f.OutletName, f.Active, f.CreatedAt, f.LastPolledAt, f.LastError, f.ItemsSeen)).ToPageAsync(query, ct);
}
