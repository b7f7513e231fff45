using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Claims;

public sealed record ClaimEventView(long Id, DateTime At, string Actor, string Type, string? Before, string? After, string? Detail);

/// <summary>The audit log of a claim, oldest first.</summary>
public sealed record GetClaimHistory(long ClaimId) : IQuery<IReadOnlyList<ClaimEventView>>;

public sealed class GetClaimHistoryHandler(ClaimDeskDbContext db) : IQueryHandler<GetClaimHistory, IReadOnlyList<ClaimEventView>>
{
    public async ValueTask<IReadOnlyList<ClaimEventView>> Handle(GetClaimHistory query, CancellationToken ct)
    {
        if (!await db.Claims.AnyAsync(c => c.Id == query.ClaimId, ct)) throw new NotFoundException("Claim", query.ClaimId);
        return await db.ClaimEvents.AsNoTracking().Where(e => e.ClaimId == query.ClaimId).OrderBy(e => e.Id)
            .Select(e => new ClaimEventView(e.Id, e.At, e.Actor, e.Type, e.Before, e.After, e.Detail))
            .ToListAsync(ct);
    }
}
