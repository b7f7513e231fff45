using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>Job step 1: a registered (or re-requested) claim enters gathering. False when there is nothing to do.</summary>
public sealed record StartGathering(long ClaimId) : ICommand<bool>;

public sealed class StartGatheringHandler(ClaimDeskDbContext db, TimeProvider clock) : ICommandHandler<StartGathering, bool>
{
    public async ValueTask<bool> Handle(StartGathering command, CancellationToken ct)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == command.ClaimId, ct);
        if (claim is null) return false;
        if (claim.Status == ClaimStatus.Gathering) return true; // a re-run after a crash: carry on
        if (ClaimWorkflow.Find(claim.Status, ClaimStatus.Gathering) is null)
            return true; // in review or decided: gather without moving the claim; new evidence is flagged instead

        var now = clock.GetUtcNow().UtcDateTime;
        var before = claim.Status;
        ClaimTransitionGuard.EnsureAllowed(claim.Status, ClaimStatus.Gathering, SystemActor.Instance);
        claim.Status = ClaimStatus.Gathering;
        claim.Touch(now);
        ClaimAudit.Record(db, claim, SystemActor.Instance, now, new StatusChanged(new StatusBefore(before), new StatusAfter(claim.Status)));
        return true;
    }
}
