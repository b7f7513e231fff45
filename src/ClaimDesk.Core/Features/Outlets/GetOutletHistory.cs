using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Outlets;

/// <summary>One entry of an outlet's audit log; before and after are the outlet's fields as they were and became.</summary>
public sealed record OutletEventView(long Id, DateTime At, string Actor, string Type, System.Text.Json.Nodes.JsonObject? Before, System.Text.Json.Nodes.JsonObject? After);

/// <summary>An outlet's audit log, oldest first: who registered it, and every change of its domain or owner group.</summary>
public sealed record GetOutletHistory(long OutletId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<OutletEventView>>, IPagedQuery;

public sealed class GetOutletHistoryValidator : PagedQueryValidator<GetOutletHistory>;

public sealed class GetOutletHistoryHandler(ClaimDeskDbContext db) : IQueryHandler<GetOutletHistory, PagedResult<OutletEventView>>
{
    public async ValueTask<PagedResult<OutletEventView>> Handle(GetOutletHistory query, CancellationToken ct)
    {
        if (!await db.Outlets.AnyAsync(o => o.Id == query.OutletId, ct)) throw new NotFoundException("Outlet", query.OutletId);
        var page = await db.OutletEvents.AsNoTracking().Where(e => e.OutletId == query.OutletId).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.At, e.Actor, e.Type, e.Before, e.After })
            .ToPageAsync(query, ct);
        return new PagedResult<OutletEventView>(
            page.Items.Select(e => new OutletEventView(e.Id, e.At, e.Actor, e.Type, AuditJson.Object(e.Before), AuditJson.Object(e.After))).ToList(),
            page.Page, page.PageSize, page.Total);
    }
}
