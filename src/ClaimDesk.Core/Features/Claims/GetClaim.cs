using ClaimDesk.Core.Data;
using Mediator;

namespace ClaimDesk.Core.Features.Claims;

public sealed record GetClaim(long Id) : IQuery<ClaimView>;

public sealed class GetClaimHandler(ClaimDeskDbContext db) : IQueryHandler<GetClaim, ClaimView>
{
    public async ValueTask<ClaimView> Handle(GetClaim query, CancellationToken ct) => await ClaimQueries.GetViewAsync(db, query.Id, ct);
}
