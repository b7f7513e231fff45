using System.Text.Json;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Features.Webhooks;

public sealed record WebhookView(long Id, string Url, IReadOnlyList<string> Events, string? Description, DateTime CreatedAt, DateTime? DisabledAt, string? DisabledReason)
{
    public static WebhookView Of(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventList.ToList(), s.Description, s.CreatedAt, s.DisabledAt, s.DisabledReason);
}

/// <summary>
/// One delivery: its message id (webhook-id), the event, the claim and the event's place in the claim's log (none for a
/// ping), the delivery it sends again (a redelivery), and every attempt.
/// </summary>
public sealed record DeliveryView(long Id, string MessageId, string EventType, long? ClaimId, long? Sequence, long? RedeliveryOf, DeliveryOutcome Outcome,
    int Attempts, DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? DeliveredAt, IReadOnlyList<DeliveryAttempt> AttemptLog)
{
    private static readonly JsonSerializerOptions AttemptJson = new(JsonSerializerDefaults.Web);

    /// <summary>Of a delivery read with its audit event.</summary>
    public static DeliveryView Of(WebhookDelivery d) => new(d.Id, d.MessageId, d.EventType, d.ClaimEvent?.ClaimId, d.ClaimEvent?.Sequence, d.RedeliveryOf,
        d.Outcome, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, JsonSerializer.Deserialize<List<DeliveryAttempt>>(d.AttemptLog, AttemptJson) ?? []);
}

/// <summary>One try at a delivery: when, the receiver's status code (none when it could not be reached), what happened, how long it took.</summary>
public sealed record DeliveryAttempt(DateTime At, int? StatusCode, string Result, double DurationMs);
