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
/// by a job with retries. The body is built from the stored audit event, so every attempt sends the same bytes.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public WebhookSubscription Subscription { get; set; } = null!;
    public long ClaimEventId { get; set; }
    public ClaimEvent ClaimEvent { get; set; } = null!;
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

    public static readonly string[] All = [ClaimRegistered, EvidenceAdded, StatusChanged, VerdictPublished];

    /// <summary>The webhook events an audit-log entry raises.</summary>
    public static IEnumerable<string> For(ClaimEvent e)
    {
        switch (e.Type)
        {
            case ClaimEventTypes.Registered: yield return ClaimRegistered; break;
            case ClaimEventTypes.EvidenceAdded: yield return EvidenceAdded; break;
            case ClaimEventTypes.Transition:
                yield return StatusChanged;
                if (e.After is { } after && (after.Contains("\"status\":\"verified\"") || after.Contains("\"status\":\"disputed\"")
                                             || after.Contains("\"status\":\"editorializing\"") || after.Contains("\"status\":\"unverifiable\"")))
                    yield return VerdictPublished;
                break;
        }
    }
}
