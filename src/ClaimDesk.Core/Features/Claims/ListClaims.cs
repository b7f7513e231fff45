using ClaimDesk.Analysis;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Claims;

public enum ClaimSort { CheckWorthiness, Newest, Oldest, RecentlyUpdated }

/// <summary>
/// The desk's work queue: filter by status, assignee (or unassigned), kind, outlet and text; sorted and paged.
/// "Unassigned claims needing review, most check-worthy first" is status=needsReview&amp;unassigned=true&amp;sort=checkWorthiness.
/// </summary>
public sealed record ListClaims(
    ClaimStatus? Status = null, string? Assignee = null, bool? Unassigned = null, ClaimKind? Kind = null,
    string? Outlet = null, string? Q = null, bool? HasNewEvidence = null, ClaimSort Sort = ClaimSort.Newest,
    int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<ClaimListItem>>;

public sealed class ListClaimsValidator : AbstractValidator<ListClaims>
{
    public ListClaimsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
        RuleFor(q => q.Q).MaximumLength(200);
        RuleFor(q => q.Assignee).MaximumLength(200);
        RuleFor(q => q.Outlet).MaximumLength(200);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Unassigned).Must((q, unassigned) => unassigned != true || q.Assignee is null)
            .WithMessage("Ask for an assignee or for unassigned claims, not both.");
    }
}

public sealed class ListClaimsHandler(ClaimDeskDbContext db) : IQueryHandler<ListClaims, PagedResult<ClaimListItem>>
{
    public async ValueTask<PagedResult<ClaimListItem>> Handle(ListClaims query, CancellationToken ct)
    {
        var claims = Filter(db, query);
        var total = await claims.CountAsync(ct);
        var items = await Page(claims, query).ToListAsync(ct);
        return new PagedResult<ClaimListItem>(items, query.Page, query.PageSize, total);
    }

    /// <summary>The page query as SQL will run it; public so the SQL Server translation can be checked without a server.</summary>
    public static IQueryable<ClaimListItem> BuildQuery(ClaimDeskDbContext db, ListClaims query) => Page(Filter(db, query), query);

    /// <summary>The queue's filters without paging; the work-queue page counts claims per status over the same filters.</summary>
    internal static IQueryable<Claim> Filter(ClaimDeskDbContext db, ListClaims query)
    {
        var claims = db.Claims.AsNoTracking();
        if (query.Status is { } status) claims = claims.Where(c => c.Status == status);
        if (query.Unassigned == true) claims = claims.Where(c => c.Assignee == null);
        else if (!string.IsNullOrWhiteSpace(query.Assignee)) claims = claims.Where(c => c.Assignee == query.Assignee.Trim());
        if (query.Kind is { } kind) claims = claims.Where(c => c.Kind == kind);
        if (query.HasNewEvidence is { } flagged) claims = claims.Where(c => c.HasNewEvidence == flagged);
        if (!string.IsNullOrWhiteSpace(query.Outlet))
        {
            var outlet = Outlet.Normalize(query.Outlet);
            claims = claims.Where(c => c.Article.Outlet.NormalizedName == outlet);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            claims = claims.Where(c => c.Text.Contains(q));
        }

        return claims;
    }

    private static IQueryable<ClaimListItem> Page(IQueryable<Claim> claims, ListClaims query)
    {
        // Id breaks ties so that paging is stable.
        claims = query.Sort switch
        {
            ClaimSort.CheckWorthiness => claims.OrderByDescending(c => c.CheckWorthiness).ThenBy(c => c.Id),
            ClaimSort.Oldest => claims.OrderBy(c => c.Id),
            ClaimSort.RecentlyUpdated => claims.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            _ => claims.OrderByDescending(c => c.Id),
        };
        return claims
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(c => new ClaimListItem(c.Id, c.ArticleId, c.Article.Outlet.Name, c.Text, c.Claimant, c.Kind,
                c.CheckWorthiness, c.Status, c.Assignee, c.HasNewEvidence, c.CreatedAt, c.UpdatedAt, c.Version, ETag.For(c.Id, c.Version)));
    }
}
