using System.Text.Json;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Events;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>Appends to a claim's audit log in the same unit of work (the same SaveChanges) as the change it records.</summary>
public static class ClaimAudit
{
    // Outlet events keep the log's first rules: nulls written.
    private static readonly JsonSerializerOptions OutletJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Record(ClaimDeskDbContext db, Claim claim, ICurrentActor actor, DateTime at, ClaimChange change)
    {
        var entry = ClaimEventLog.EventFor(claim.Id, actor.Name, at, change);
        // A claim registered in this unit of work has no id yet: the navigation lets EF fill it in on save.
        if (claim.Id == 0) entry.Claim = claim;
        db.ClaimEvents.Add(entry);
    }

    /// <summary>The JSON an outlet's audit event stores for a before/after value (outlet changes are not typed yet).</summary>
    public static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, OutletJson),
    };
}
