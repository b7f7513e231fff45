using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Outlets;

/// <summary>Outlets are named by the articles that arrive; the first mention creates one. Both are in the outlet's audit log.</summary>
public static class OutletDirectory
{
    public static async Task<Outlet> FindOrCreateAsync(ClaimDeskDbContext db, string name, string? domain, ICurrentActor actor, DateTime now, CancellationToken ct)
    {
        var outlet = await FindAsync(db, name, ct);
        if (outlet is not null)
        {
            // An article's URL tells an outlet's domain only when nobody has said it yet.
            if (outlet.Domain is null && domain is not null)
            {
                var before = outlet.Snapshot();
                outlet.Domain = domain;
                OutletAudit.Record(db, outlet, actor, OutletEventTypes.Changed, now, before, outlet.Snapshot());
            }
            return outlet;
        }
        return Create(db, name, domain, ownerGroup: null, actor, now);
    }

    public static async Task<Outlet?> FindAsync(ClaimDeskDbContext db, string name, CancellationToken ct)
    {
        var normalized = Outlet.Normalize(name);
        return db.Outlets.Local.FirstOrDefault(o => o.NormalizedName == normalized)
               ?? await db.Outlets.FirstOrDefaultAsync(o => o.NormalizedName == normalized, ct);
    }

    public static Outlet Create(ClaimDeskDbContext db, string name, string? domain, string? ownerGroup, ICurrentActor actor, DateTime now)
    {
        var outlet = new Outlet { Name = name.Trim(), NormalizedName = Outlet.Normalize(name), Domain = domain, OwnerGroup = ownerGroup, CreatedAt = now };
        db.Outlets.Add(outlet);
        OutletAudit.Record(db, outlet, actor, OutletEventTypes.Registered, now, before: null, outlet.Snapshot());
        return outlet;
    }
}
