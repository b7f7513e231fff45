using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Events;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>Appends to a claim's audit log in the same unit of work (the same SaveChanges) as the change it records.</summary>
public static class ClaimAudit
{
    public static void Record(ClaimDeskDbContext db, Claim claim, ICurrentActor actor, DateTime at, ClaimChange change)
    {
        var entry = ClaimEventLog.EventFor(claim.Id, actor.Name, at, change);
        // A claim registered in this unit of work has no id yet: the navigation lets EF fill it in on save.
        if (claim.Id == 0) entry.Claim = claim;
        db.ClaimEvents.Add(entry);
    }
}
