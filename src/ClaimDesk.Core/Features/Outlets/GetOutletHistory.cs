using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Outlets;

public sealed record OutletEventView(long Id, DateTime At, string Actor, string Type, string? Before, string? After);

/// <summary>An outlet's audit log, oldest first: who registered it, and every change of its domain or owner group.</summary>
public sealed record GetOutletHistory(long OutletId) : IQuery<IReadOnlyList<OutletEventView>>;

public sealed class GetOutletHistoryHandler(ClaimDeskDbContext db) : IQueryHandler<GetOutletHistory, IReadOnlyList<OutletEventView>>
{
    public async ValueTask<IReadOnlyList<OutletEventView>> Handle(GetOutletHistory query, CancellationToken ct)
    {
        if (!await db.Outlets.AnyAsync(o => o.Id == query.OutletId, ct)) throw new NotFoundException("Outlet", query.OutletId);
        return await db.OutletEvents.AsNoTracking().Where(e => e.OutletId == query.OutletId).OrderBy(e => e.Id)
            .Select(e => new OutletEventView(e.Id, e.At, e.Actor, e.Type, e.Before, e.After))
            .ToListAsync(ct);
    }
}
