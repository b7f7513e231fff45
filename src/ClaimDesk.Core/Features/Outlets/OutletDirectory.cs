using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Outlets;

/// <summary>Outlets are named by the articles that arrive; the first mention creates one.</summary>
public static class OutletDirectory
{
    public static async Task<Outlet> FindOrCreateAsync(ClaimDeskDbContext db, string name, string? domain, DateTime now, CancellationToken ct)
    {
        var normalized = Outlet.Normalize(name);
        var outlet = db.Outlets.Local.FirstOrDefault(o => o.NormalizedName == normalized)
                     ?? await db.Outlets.FirstOrDefaultAsync(o => o.NormalizedName == normalized, ct);
        if (outlet is not null)
        {
            outlet.Domain ??= domain;
            return outlet;
        }
        outlet = new Outlet { Name = name.Trim(), NormalizedName = normalized, Domain = domain, CreatedAt = now };
        db.Outlets.Add(outlet);
        return outlet;
    }
}
