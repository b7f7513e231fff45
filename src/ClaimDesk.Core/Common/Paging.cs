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

/// <summary>A list query answered as one page of <see cref="PagedResult{T}"/>, like every list the API serves.</summary>
public interface IPagedQuery
{
    int Page { get; }
    int PageSize { get; }
}

/// <summary>The page rules every list shares; a list query's validator derives from it.</summary>
public abstract class PagedQueryValidator<TQuery> : FluentValidation.AbstractValidator<TQuery> where TQuery : IPagedQuery
{
    protected PagedQueryValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).PageSize();
    }
}

public static class PagingExtensions
{
    /// <summary>One page of a query that is already in its final order, with the total it was taken from.</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> ordered, IPagedQuery query, CancellationToken ct)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(ordered, ct);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            ordered.Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize), ct);
        return new PagedResult<T>(items, query.Page, query.PageSize, total);
    }

    /// <summary>One page of a list ordered in memory (its order needs more than SQL can say, e.g. independence judged at read).</summary>
    public static PagedResult<T> ToPage<T>(this IReadOnlyList<T> ordered, IPagedQuery query) =>
        new(ordered.Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize).ToList(), query.Page, query.PageSize, ordered.Count);
}
