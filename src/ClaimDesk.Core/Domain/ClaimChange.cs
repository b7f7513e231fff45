using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ClaimDesk.Core.Domain;

/// <summary>
/// What one entry of a claim's audit log records, typed per kind of change (as eShop's OrderStatusChangedTo… events). Stored
/// in <see cref="ClaimEvent.Payload"/> with a <c>$kind</c> discriminator, read back as the same record; webhooks are decided
/// from the type (<see cref="WebhookEvents.For"/>), never from the JSON. Each kind keeps the history's before/after/detail
/// split (<see cref="Parts"/>), with the field names the log has always used, so entries written before the types existed
/// read back as the same records (<see cref="ClaimChanges.Read"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = ClaimChanges.Discriminator)]
[JsonDerivedType(typeof(ClaimRegistered), ClaimEventTypes.Registered)]
[JsonDerivedType(typeof(StatusChanged), ClaimEventTypes.Transition)]
[JsonDerivedType(typeof(ClaimAssigned), ClaimEventTypes.Assignment)]
[JsonDerivedType(typeof(CommentAdded), ClaimEventTypes.Comment)]
[JsonDerivedType(typeof(EvidenceAdded), ClaimEventTypes.EvidenceAdded)]
[JsonDerivedType(typeof(SourceCited), "sourceCited")]
[JsonDerivedType(typeof(EvidenceAccepted), ClaimEventTypes.EvidenceAccepted)]
[JsonDerivedType(typeof(EvidenceRejected), ClaimEventTypes.EvidenceRejected)]
[JsonDerivedType(typeof(NewEvidenceAfterVerdict), ClaimEventTypes.NewEvidenceAfterVerdict)]
[JsonDerivedType(typeof(CorroborationRequested), ClaimEventTypes.CorroborationRequested)]
[JsonDerivedType(typeof(VerdictProposed), ClaimEventTypes.VerdictProposed)]
[JsonDerivedType(typeof(VerdictSentBack), ClaimEventTypes.VerdictSentBack)]
[JsonDerivedType(typeof(VerdictWithdrawn), ClaimEventTypes.ReviewWithdrawn)]
[JsonDerivedType(typeof(ClaimEdited), ClaimEventTypes.Edited)]
public abstract record ClaimChange
{
    /// <summary>The history's <c>type</c> for this change (a cited source is an <c>evidenceAdded</c> in the history).</summary>
    [JsonIgnore] public abstract string Type { get; }

    /// <summary>The change as the history shows it: the claim's fields before and after, and what came with the change.</summary>
    [JsonIgnore] public abstract ChangeParts Parts { get; }
}

/// <summary>A change's before, after and detail objects (any may be absent).</summary>
public readonly record struct ChangeParts(object? Before, object? After, object? Detail);

/// <summary>How changes are written and read: the one set of JSON rules for the audit log.</summary>
public static class ClaimChanges
{
    public const string Discriminator = "$kind";

    /// <summary>
    /// camelCase names and enums, nulls left out (a field a change does not have is absent), relaxed escaping so quotes and
    /// apostrophes stay readable in the stored log (the API encodes again when it answers).
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(ClaimChange change) => JsonSerializer.Serialize(change, Json);

    /// <summary>A part of a change as the JSON object the history answers.</summary>
    public static JsonObject? Object(object? part) => part is null ? null : JsonSerializer.SerializeToNode(part, part.GetType(), Json) as JsonObject;

    /// <summary>
    /// The typed change of an audit entry: from its payload, or — for an entry written before payloads existed — from its
    /// before/after/detail columns, whose field names are the typed parts' own. An old entry that fits no kind reads as
    /// <see cref="UnreadChange"/>, keeping its objects as they were.
    /// </summary>
    public static ClaimChange Read(ClaimEvent e)
    {
        if (e.Payload is { } payload) return JsonSerializer.Deserialize<ClaimChange>(payload, Json)!;
        var before = AuditJson.Object(e.Before);
        var after = AuditJson.Object(e.After);
        var detail = AuditJson.Object(e.Detail);
        // A reviewer's citation shared the engine's type; its after names the URL.
        var kind = e.Type == ClaimEventTypes.EvidenceAdded && after?["url"] is not null ? "sourceCited" : e.Type;
        try
        {
            var legacy = new JsonObject { [Discriminator] = kind, ["before"] = before?.DeepClone(), ["after"] = after?.DeepClone(), ["detail"] = detail?.DeepClone() };
            if (legacy.Deserialize<ClaimChange>(Json) is { } read) return read;
        }
        catch (JsonException)
        {
            // Not one of the kinds (or not their shape): kept as it was.
        }
        catch (NotSupportedException)
        {
        }
        return new UnreadChange(e.Type, before, after, detail);
    }
}

/// <summary>An old audit entry that fits none of the kinds: its objects as they were stored. Never written.</summary>
public sealed record UnreadChange(string Kind, JsonObject? Before, JsonObject? After, JsonObject? Detail) : ClaimChange
{
    public override string Type => Kind;
    public override ChangeParts Parts => new(Before, After, Detail);
}
