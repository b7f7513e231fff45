using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>
/// One audit entry: its place in the claim's log (<c>sequence</c>, from 1), who and when, and the change — before, after and
/// detail are the parts of the typed change the entry stores (their fields depend on <c>type</c>; the document's
/// ClaimEventView describes each kind).
/// </summary>
public sealed record ClaimEventView(long Id, long Sequence, DateTime At, string Actor, string Type, JsonObject? Before, JsonObject? After, JsonObject? Detail)
{
    /// <summary>
    /// The typed change behind the entry, for in-process readers (the console words it by its type); the API answers its
    /// before/after/detail objects only.
    /// </summary>
    [JsonIgnore] public ClaimChange Change { get; init; } = null!;

    public static ClaimEventView Of(ClaimEvent e)
    {
        var change = e.ReadChange();
        var parts = change.Parts;
        return new(e.Id, e.Sequence, e.At, e.Actor, e.Type, ClaimChanges.Object(parts.Before), ClaimChanges.Object(parts.After), ClaimChanges.Object(parts.Detail))
        {
            Change = change,
        };
    }
}

/// <summary>The audit log of a claim, oldest first.</summary>
public sealed record GetClaimHistory(long ClaimId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<ClaimEventView>>, IPagedQuery;

public sealed class GetClaimHistoryValidator : PagedQueryValidator<GetClaimHistory>;

public sealed class GetClaimHistoryHandler(ClaimDeskDbContext db) : IQueryHandler<GetClaimHistory, PagedResult<ClaimEventView>>
{
    public async ValueTask<PagedResult<ClaimEventView>> Handle(GetClaimHistory query, CancellationToken ct)
    {
        if (!await db.Claims.AnyAsync(c => c.Id == query.ClaimId, ct)) throw new NotFoundException("Claim", query.ClaimId);
        var page = await db.ClaimEvents.AsNoTracking().Where(e => e.ClaimId == query.ClaimId).OrderBy(e => e.Sequence).ThenBy(e => e.Id)
            .ToPageAsync(query, ct);
        return new PagedResult<ClaimEventView>(page.Items.Select(ClaimEventView.Of).ToList(), page.Page, page.PageSize, page.Total);
    }
}
