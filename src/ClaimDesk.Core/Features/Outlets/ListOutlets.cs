using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Outlets;

public sealed record ListOutlets : IQuery<IReadOnlyList<OutletView>>;

public sealed class ListOutletsHandler(ClaimDeskDbContext db) : IQueryHandler<ListOutlets, IReadOnlyList<OutletView>>
{
    public async ValueTask<IReadOnlyList<OutletView>> Handle(ListOutlets query, CancellationToken ct) =>
        await db.Outlets.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OutletView(o.Id, o.Name, o.Domain, o.OwnerGroup)).ToListAsync(ct);
}
