using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClaimDesk.Core.Domain;

/// <summary>
/// A before/after/detail column of an audit log (a claim's or an outlet's) read back as the object it was, never as JSON
/// inside a string.
/// </summary>
public static class AuditJson
{
    public static JsonObject? Object(string? stored)
    {
        if (stored is null) return null;
        try
        {
            if (JsonNode.Parse(stored) is JsonObject parsed) return parsed;
        }
        catch (JsonException)
        {
            // Not JSON: an entry written as plain text; shown as an object all the same, so the field keeps one type.
        }
        return new JsonObject { ["value"] = stored };
    }
}
