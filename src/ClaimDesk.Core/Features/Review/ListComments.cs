using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Review;

public sealed record ListComments(long ClaimId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<CommentView>>, IPagedQuery;

public sealed class ListCommentsValidator : PagedQueryValidator<ListComments>;

public sealed class ListCommentsHandler(ClaimDeskDbContext db) : IQueryHandler<ListComments, PagedResult<CommentView>>
{
    public async ValueTask<PagedResult<CommentView>> Handle(ListComments query, CancellationToken ct)
    {
        if (!await db.Claims.AnyAsync(c => c.Id == query.ClaimId, ct)) throw new NotFoundException("Claim", query.ClaimId);
        return await db.Comments.AsNoTracking().Where(c => c.ClaimId == query.ClaimId).OrderBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.ClaimId, c.Author, c.Text, c.CreatedAt)).ToPageAsync(query, ct);
    }
}
