namespace ClaimDesk.Core.Common;

public record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;
    /// <summary>Far past any list the desk holds; keeps (page - 1) × pageSize well inside an int.</summary>
    public const int MaxPage = 100_000;

    public static int Skip(int page, int pageSize) => checked((page - 1) * pageSize);
}
