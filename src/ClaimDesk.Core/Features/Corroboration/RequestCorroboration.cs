using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>
/// "Gather again now": queues the corroboration job for a claim. A claim waiting in the queue goes back to gathering;
/// one in review or decided keeps its state and is flagged if the new run finds new evidence.
/// </summary>
public sealed record RequestCorroboration(long ClaimId) : ICommand<long>;

public sealed class RequestCorroborationHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor, IAfterCommit afterCommit, IJobScheduler jobs)
    : ICommandHandler<RequestCorroboration, long>
{
    public async ValueTask<long> Handle(RequestCorroboration command, CancellationToken ct)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == command.ClaimId, ct)
            ?? throw new NotFoundException("Claim", command.ClaimId);
        if (claim.Status == ClaimStatus.Duplicate)
            throw new ConflictException("Claim is a duplicate", $"Claim {claim.Id} duplicates claim {claim.DuplicateOfId}; corroborate that one.");
        ClaimAudit.Record(db, claim, actor, clock.GetUtcNow().UtcDateTime, new CorroborationRequested(new StatusAtRequest(claim.Status)));
        afterCommit.Add(() => jobs.GatherCorroboration(claim.Id));
        return claim.Id;
    }
}
