namespace ClaimDesk.Core.Domain;

/// <summary>An editorial tool's subscription to the desk's events; deliveries are signed per Standard Webhooks.</summary>
public sealed class WebhookSubscription
{
    public long Id { get; set; }
    public required string Url { get; set; }
    /// <summary>Event types, comma-separated (claim.registered, claim.status_changed, ...).</summary>
    public required string Events { get; set; }
    public string? Description { get; set; }
    /// <summary>The signing secret, encrypted with ASP.NET Core Data Protection (it must be usable to sign, so it cannot be hashed).</summary>
    public required string ProtectedSecret { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }

    public IEnumerable<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public enum DeliveryOutcome { Pending, Delivered, Failed }

/// <summary>
/// One event for one subscription: written in the same SaveChanges as the change it reports (the outbox), then sent
/// by a job with retries. The body is built from the stored audit event (a ping's from the delivery itself), so every attempt sends the same bytes.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public WebhookSubscription Subscription { get; set; } = null!;
    /// <summary>The audit event it reports; none for a ping.</summary>
    public long? ClaimEventId { get; set; }
    public ClaimEvent? ClaimEvent { get; set; }
    /// <summary>The delivery this one sends again (POST .../redeliver): the same event, a new message with its own attempts.</summary>
    public long? RedeliveryOf { get; set; }
    public required string EventType { get; set; }
    public DeliveryOutcome Outcome { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    /// <summary>Every attempt: when, status code or error, and how long it took (JSON).</summary>
    public string AttemptLog { get; set; } = "[]";

    public string MessageId => $"msg_{Id}";
}

public static class WebhookEvents
{
    public const string ClaimRegistered = "claim.registered";
    public const string EvidenceAdded = "claim.evidence_added";
    public const string StatusChanged = "claim.status_changed";
    public const string VerdictPublished = "claim.verdict_published";
    public const string VerdictWithdrawn = "claim.verdict_withdrawn";
    /// <summary>Sent only when asked for (POST /webhooks/{id}/ping), to every subscription whatever its events.</summary>
    public const string Ping = "webhook.ping";

    /// <summary>What a subscription may ask for.</summary>
    public static readonly string[] All = [ClaimRegistered, EvidenceAdded, StatusChanged, VerdictPublished, VerdictWithdrawn];

    /// <summary>The webhook events a change raises, decided from its type: a move to a verdict publishes it.</summary>
    public static IReadOnlyList<string> For(ClaimChange change) => change switch
    {
        Domain.ClaimRegistered => [ClaimRegistered],
        Domain.EvidenceAdded or SourceCited => [EvidenceAdded],
        Domain.StatusChanged { PublishesVerdict: true } => [StatusChanged, VerdictPublished],
        Domain.StatusChanged => [StatusChanged],
        Domain.VerdictWithdrawn => [VerdictWithdrawn],
        _ => [],
    };
}
