using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Outlets;

public sealed record GetOutlet(long Id) : IQuery<OutletView>;

public sealed class GetOutletHandler(ClaimDeskDbContext db) : IQueryHandler<GetOutlet, OutletView>
{
    public async ValueTask<OutletView> Handle(GetOutlet query, CancellationToken ct) =>
        await db.Outlets.AsNoTracking().Where(o => o.Id == query.Id)
            .Select(o => new OutletView(o.Id, o.Name, o.Domain, o.OwnerGroup)).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Outlet", query.Id);
}
