using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.ApiKeys;

public sealed record ListApiKeys(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<ApiKeyView>>, IPagedQuery;

public sealed class ListApiKeysValidator : PagedQueryValidator<ListApiKeys>;

public sealed class ListApiKeysHandler(ClaimDeskDbContext db) : IQueryHandler<ListApiKeys, PagedResult<ApiKeyView>>
{
    public async ValueTask<PagedResult<ApiKeyView>> Handle(ListApiKeys query, CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.RevokedAt, k.CreatedBy)).ToPageAsync(query, ct);
}
