using System.Text.Json.Nodes;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Review;

/// <summary>
/// A claim's latest ClaimReview (JSON-LD): the live one while its verdict stands, and after a reopen the withdrawn one,
/// saying so, until the next verdict publishes another.
/// </summary>
public sealed record GetClaimReview(long ClaimId) : IQuery<JsonObject>;

public sealed class GetClaimReviewHandler(ClaimDeskDbContext db, IOptions<DeskOptions> desk) : IQueryHandler<GetClaimReview, JsonObject>
{
    public async ValueTask<JsonObject> Handle(GetClaimReview query, CancellationToken ct)
    {
        var status = await db.Claims.AsNoTracking().Where(c => c.Id == query.ClaimId).Select(c => (Domain.ClaimStatus?)c.Status).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Claim", query.ClaimId);
        ClaimReviewDocument.EnsurePublishable(desk.Value);
        var row = await ClaimReviewDocument.Rows(db.PublishedReviews.AsNoTracking()
                .Where(r => r.ClaimId == query.ClaimId).OrderByDescending(r => r.Id)).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException("No verdict yet",
                $"Claim {query.ClaimId} is {status.Public()}; a ClaimReview is published when a verdict takes effect.");
        return ClaimReviewDocument.Render(row, desk.Value);
    }
}
