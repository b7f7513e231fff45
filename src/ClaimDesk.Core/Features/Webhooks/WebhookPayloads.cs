using System.Text.Json.Nodes;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>What a webhook delivery's body holds: the event's type, when the change happened, and the change.</summary>
public sealed record WebhookPayload(string Type, DateTime Timestamp, ClaimChangeData Data);

/// <summary>
/// A change to a claim, from its audit entry: who made it, what kind of change (the history's type), the claim's fields
/// before and after it, and where to read the claim.
/// </summary>
public sealed record ClaimChangeData(long ClaimId, long EventId, string Actor, string Change, JsonObject? Before, JsonObject? After, string ClaimUrl);

public static class WebhookPayloads
{
    /// <summary>The body type of each event, for the OpenAPI document's webhooks section (generated from this map).</summary>
    public static readonly IReadOnlyDictionary<string, Type> TypeOf = WebhookEvents.All.ToDictionary(e => e, _ => typeof(WebhookPayload));
}
