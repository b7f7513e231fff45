using System.Text.Json;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>Appends to a claim's audit log in the same unit of work (the same SaveChanges) as the change it records.</summary>
public static class ClaimAudit
{
    // Relaxed escaping keeps quotes and apostrophes readable in the log; the API re-encodes the stored text when it answers.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Record(ClaimDeskDbContext db, Claim claim, ICurrentActor actor, string type, DateTime at,
        object? before = null, object? after = null, object? detail = null)
    {
        db.ClaimEvents.Add(new ClaimEvent
        {
            // A claim registered in this unit of work has no id yet: the navigation lets EF fill it in on save.
            ClaimId = claim.Id,
            Claim = claim.Id == 0 ? claim : null,
            At = at,
            Actor = actor.Name,
            Type = type,
            Before = Serialize(before),
            After = Serialize(after),
            Detail = Serialize(detail),
        });
    }

    /// <summary>The JSON an audit event stores for a before/after/detail value.</summary>
    public static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, Json),
    };
}
