using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>
/// The work queue as a reviewer's screen shows it: a page of <see cref="ListClaims"/>, how many claims each status holds
/// under the same filters (the status tabs), and the evidence summary of each listed claim ("no supporting evidence").
/// </summary>
public sealed record GetWorkQueue(ListClaims Filter) : IQuery<WorkQueue>;

public sealed record WorkQueue(
    PagedResult<ClaimListItem> Claims, IReadOnlyDictionary<ClaimStatus, int> CountsByStatus, IReadOnlyDictionary<long, EvidenceSummary> Evidence);

public sealed class GetWorkQueueValidator : AbstractValidator<GetWorkQueue>
{
    public GetWorkQueueValidator() => RuleFor(q => q.Filter).NotNull().SetValidator(new ListClaimsValidator());
}

public sealed class GetWorkQueueHandler(ClaimDeskDbContext db) : IQueryHandler<GetWorkQueue, WorkQueue>
{
    public async ValueTask<WorkQueue> Handle(GetWorkQueue query, CancellationToken ct)
    {
        var claims = await new ListClaimsHandler(db).Handle(query.Filter, ct);
        // Every status under the other filters, so a tab says what choosing it would show.
        var counts = await ListClaimsHandler.Filter(db, query.Filter with { Status = null })
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        var evidence = await ClaimQueries.SummarizeEvidenceAsync(db, claims.Items.Select(c => c.Id).ToList(), ct);
        return new WorkQueue(claims, counts, evidence);
    }
}
