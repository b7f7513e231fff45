using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Outlets;

/// <summary>Outlets by name.</summary>
public sealed record ListOutlets(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<OutletView>>, IPagedQuery;

public sealed class ListOutletsValidator : PagedQueryValidator<ListOutlets>;

public sealed class ListOutletsHandler(ClaimDeskDbContext db) : IQueryHandler<ListOutlets, PagedResult<OutletView>>
{
    public async ValueTask<PagedResult<OutletView>> Handle(ListOutlets query, CancellationToken ct) =>
        await db.Outlets.AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new OutletView(o.Id, o.Name, o.Domain, o.OwnerGroup)).ToPageAsync(query, ct);
}
