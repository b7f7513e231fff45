using System.Text.Json.Nodes;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Review;

/// <summary>One published review by its id, whatever became of it since: a withdrawn or superseded review still answers, saying so.</summary>
public sealed record GetPublishedReview(long ReviewId) : IQuery<JsonObject>;

public sealed class GetPublishedReviewHandler(ClaimDeskDbContext db, IOptions<DeskOptions> desk) : IQueryHandler<GetPublishedReview, JsonObject>
{
    public async ValueTask<JsonObject> Handle(GetPublishedReview query, CancellationToken ct)
    {
        var row = await ClaimReviewDocument.Rows(db.PublishedReviews.AsNoTracking().Where(r => r.Id == query.ReviewId)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("ClaimReview", query.ReviewId);
        ClaimReviewDocument.EnsurePublishable(desk.Value);
        return ClaimReviewDocument.Render(row, desk.Value);
    }
}
