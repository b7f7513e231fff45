namespace ClaimDesk.Core.Common;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;
}
