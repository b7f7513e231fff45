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
/// "Unassigned claims needing review, most check-worthy first" is status=needsReview&amp;unassigned=true&amp;sort=checkWorthiness;
/// an editor's approval queue is awaitingApproval=true. Status and kind take several values (a claim matches any of them):
/// status=inReview&amp;status=needsReview.
/// <para>
/// Sync: with <see cref="UpdatedSince"/> the list holds the claims changed at or after that instant, oldest change first
/// (updatedAt, then id), whatever <see cref="Sort"/> says; a client pages through them by asking again from the last
/// item it got (updatedSince = its updatedAt, afterId = its id), so a claim that changes meanwhile moves behind the
/// cursor and is met again instead of shifting another out of reach, as page numbers would.
/// </para>
/// </summary>
public sealed record ListClaims(
    IReadOnlyList<ClaimStatus>? Status = null, string? Assignee = null, bool? Unassigned = null, IReadOnlyList<ClaimKind>? Kind = null,
    string? Outlet = null, string? Q = null, bool? HasNewEvidence = null, ClaimSort Sort = ClaimSort.Newest,
    int Page = 1, int PageSize = Paging.DefaultPageSize, bool? AwaitingApproval = null,
    DateTime? UpdatedSince = null, long? AfterId = null) : IQuery<PagedResult<ClaimListItem>>;

public sealed class ListClaimsValidator : AbstractValidator<ListClaims>
{
    public ListClaimsValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).PageSize();
        RuleFor(q => q.Q).MaximumLength(200);
        RuleFor(q => q.Assignee).MaximumLength(200);
        RuleFor(q => q.Outlet).MaximumLength(200);
        RuleFor(q => q.Status).AtMostItems(Enum.GetValues<ClaimStatus>().Length);
        RuleForEach(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).AtMostItems(Enum.GetValues<ClaimKind>().Length);
        RuleForEach(q => q.Kind).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.AfterId).Null().When(q => q.UpdatedSince is null)
            .WithMessage("'afterId' continues a sync: give it with updatedSince (the updatedAt and id of the last claim you got).");
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
        // One value keeps the equality the work-queue index serves; several become IN (...).
        if (query.Status is [var status]) claims = claims.Where(c => c.Status == status);
        else if (query.Status is { Count: > 1 } statuses) claims = claims.Where(c => statuses.Contains(c.Status));
        if (query.Unassigned == true) claims = claims.Where(c => c.Assignee == null);
        else if (!string.IsNullOrWhiteSpace(query.Assignee)) claims = claims.Where(c => c.Assignee == query.Assignee.Trim());
        if (query.Kind is [var kind]) claims = claims.Where(c => c.Kind == kind);
        else if (query.Kind is { Count: > 1 } kinds) claims = claims.Where(c => kinds.Contains(c.Kind));
        if (query.HasNewEvidence is { } flagged) claims = claims.Where(c => c.HasNewEvidence == flagged);
        if (query.AwaitingApproval == true) claims = claims.Where(c => c.ProposedVerdict != null);
        else if (query.AwaitingApproval == false) claims = claims.Where(c => c.ProposedVerdict == null);
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
        if (query.UpdatedSince is { } since)
        {
            since = since.ToUniversalTime();
            claims = query.AfterId is { } afterId
                ? claims.Where(c => c.UpdatedAt > since || (c.UpdatedAt == since && c.Id > afterId))
                : claims.Where(c => c.UpdatedAt >= since);
        }

        return claims;
    }

    private static IQueryable<ClaimListItem> Page(IQueryable<Claim> claims, ListClaims query)
    {
        // Id breaks ties so that paging is stable.
        claims = query.UpdatedSince is not null ? claims.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id) : query.Sort switch
        {
            ClaimSort.CheckWorthiness => claims.OrderByDescending(c => c.CheckWorthiness).ThenBy(c => c.Id),
            ClaimSort.Oldest => claims.OrderBy(c => c.Id),
            ClaimSort.RecentlyUpdated => claims.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            _ => claims.OrderByDescending(c => c.Id),
        };
        return claims
            .Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(c => new ClaimListItem(c.Id, c.ArticleId, c.Article.Outlet.Name, c.Text, c.Claimant, c.Kind,
                c.CheckWorthiness, c.Status, c.Assignee, c.HasNewEvidence, c.CreatedAt, c.UpdatedAt, c.ProposedVerdict, c.Version, ETag.For(c.Id, c.Version)));
    }
}
