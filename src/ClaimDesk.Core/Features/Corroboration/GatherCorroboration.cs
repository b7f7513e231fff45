using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>Job step 2: look through the desk's articles for evidence, then hand the claim to reviewers.</summary>
public sealed record GatherCorroboration(long ClaimId) : ICommand<int>;

public sealed class GatherCorroborationHandler(ClaimDeskDbContext db, TimeProvider clock) : ICommandHandler<GatherCorroboration, int>
{
    public async ValueTask<int> Handle(GatherCorroboration command, CancellationToken ct)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == command.ClaimId, ct);
        if (claim is null) return 0;
        if (claim.Status == ClaimStatus.Gathering)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            ClaimTransitionGuard.EnsureAllowed(claim.Status, ClaimStatus.NeedsReview, SystemActor.Instance);
            claim.Status = ClaimStatus.NeedsReview;
            claim.Touch(now);
            ClaimAudit.Record(db, claim, SystemActor.Instance, ClaimEventTypes.Transition, now,
                new { status = ClaimStatus.Gathering }, new { status = claim.Status });
            await db.SaveChangesAsync(ct);
        }
        return 0;
    }
}
