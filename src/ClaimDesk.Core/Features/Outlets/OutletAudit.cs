using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;

namespace ClaimDesk.Core.Features.Outlets;

/// <summary>Appends to an outlet's audit log in the same unit of work (the same SaveChanges) as the change it records.</summary>
public static class OutletAudit
{
    public static void Record(ClaimDeskDbContext db, Outlet outlet, ICurrentActor actor, string type, DateTime at, object? before, object? after) =>
        db.OutletEvents.Add(new OutletEvent
        {
            // An outlet created in this unit of work has no id yet: the navigation lets EF fill it in on save.
            OutletId = outlet.Id,
            Outlet = outlet.Id == 0 ? outlet : null,
            At = at,
            Actor = actor.Name,
            Type = type,
            Before = ClaimAudit.Serialize(before),
            After = ClaimAudit.Serialize(after),
        });
}
