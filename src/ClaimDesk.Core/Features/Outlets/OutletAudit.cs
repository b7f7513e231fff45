using System.Text.Json;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Features.Outlets;

/// <summary>Appends to an outlet's audit log in the same unit of work (the same SaveChanges) as the change it records.</summary>
public static class OutletAudit
{
    // The outlet log keeps its first rules: camelCase names, nulls written (a cleared owner group reads as null, not absent).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Record(ClaimDeskDbContext db, Outlet outlet, ICurrentActor actor, string type, DateTime at, OutletState? before, OutletState after) =>
        db.OutletEvents.Add(new OutletEvent
        {
            // An outlet created in this unit of work has no id yet: the navigation lets EF fill it in on save.
            OutletId = outlet.Id,
            Outlet = outlet.Id == 0 ? outlet : null,
            At = at,
            Actor = actor.Name,
            Type = type,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = JsonSerializer.Serialize(after, Json),
        });
}
