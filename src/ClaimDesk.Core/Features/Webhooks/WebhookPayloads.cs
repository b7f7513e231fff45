using ClaimDesk.Analysis;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>
/// What a delivery's body holds: the event's type, when the change happened (a ping: when it was asked for), and the
/// event's data. Links in the data are absolute, from the desk's settings (ClaimDesk:Desk:ApiUrl, ClaimUrlTemplate).
/// </summary>
public sealed record WebhookPayload<TData>(string Type, DateTime Timestamp, TData Data);

/// <summary>
/// What every claim event's data carries: the claim, the audit event it reports and that event's place in the claim's
/// log (<c>sequence</c>: from 1, no gaps, so a receiver can order deliveries and notice a missing one), who made the
/// change, and where to read the claim.
/// </summary>
public abstract record ClaimEventData(long ClaimId, long EventId, long Sequence, string Actor, string? ClaimUrl);

/// <summary>claim.registered: the claim's words and how the desk read them.</summary>
public sealed record ClaimRegisteredData(
    long ClaimId, long EventId, long Sequence, string Actor, string? ClaimUrl,
    string Text, ClaimKind Kind, string? Claimant, ClaimStatus Status)
    : ClaimEventData(ClaimId, EventId, Sequence, Actor, ClaimUrl);

/// <summary>claim.status_changed: a move through the workflow (a reviewer's, an approval, or the desk's own gathering).</summary>
public sealed record StatusChangedData(
    long ClaimId, long EventId, long Sequence, string Actor, string? ClaimUrl,
    ClaimStatus From, ClaimStatus To, string? Move, string? Rationale, string? SourceUrl, long? DuplicateOf, string? Note)
    : ClaimEventData(ClaimId, EventId, Sequence, Actor, ClaimUrl);

/// <summary>claim.verdict_published: a verdict took effect; its public ClaimReview page is <c>claimReviewUrl</c>.</summary>
public sealed record VerdictPublishedData(
    long ClaimId, long EventId, long Sequence, string Actor, string? ClaimUrl,
    ClaimStatus Verdict, string Rationale, string? SourceUrl, string? ClaimReviewUrl, string? ProposedBy, string? ApprovedBy)
    : ClaimEventData(ClaimId, EventId, Sequence, Actor, ClaimUrl);

/// <summary>claim.verdict_withdrawn: an editor reopened the claim, and its published ClaimReview was withdrawn.</summary>
public sealed record VerdictWithdrawnData(
    long ClaimId, long EventId, long Sequence, string Actor, string? ClaimUrl,
    ClaimStatus Verdict, long ReviewId, string? Reason, string? ClaimReviewUrl)
    : ClaimEventData(ClaimId, EventId, Sequence, Actor, ClaimUrl);

/// <summary>Where new evidence came from: a gathering for the claim, a new article matched against it, or a reviewer's citation.</summary>
public enum EvidenceOrigin { Gathering, Matching, Citation }

/// <summary>claim.evidence_added: every item one run added (one delivery per run), or the one source a reviewer cited.</summary>
public sealed record EvidenceAddedData(
    long ClaimId, long EventId, long Sequence, string Actor, string? ClaimUrl,
    EvidenceOrigin Origin, long? GatheringRunId, IReadOnlyList<EvidenceItemData> Items)
    : ClaimEventData(ClaimId, EventId, Sequence, Actor, ClaimUrl);

/// <summary>
/// One new evidence item: its id (what the decision endpoint, <c>decisionUrl</c>, takes), the article and outlet it comes
/// from (or the external URL a reviewer cited), the stance, and whether it was independent of the claim's outlet when added.
/// </summary>
public sealed record EvidenceItemData(
    long? EvidenceId, string? DecisionUrl, ArticleData? Article, OutletData? Outlet, string? ExternalUrl, Stance Stance, double Score, bool Independent);

/// <summary>An article: its id on the desk, its title, and the address it was fetched from (null for text posted to the desk).</summary>
public sealed record ArticleData(long Id, string Title, string? Url);

public sealed record OutletData(long Id, string Name);

/// <summary>webhook.ping: asked for with POST /webhooks/{id}/ping, to check the receiver and its signature check.</summary>
public sealed record PingData(long SubscriptionId, long DeliveryId, string Note);

public static class WebhookPayloads
{
    /// <summary>The body type of each event, for the OpenAPI document's webhooks section (generated from this map).</summary>
    public static readonly IReadOnlyDictionary<string, Type> TypeOf = new Dictionary<string, Type>
    {
        [WebhookEvents.ClaimRegistered] = typeof(WebhookPayload<ClaimRegisteredData>),
        [WebhookEvents.EvidenceAdded] = typeof(WebhookPayload<EvidenceAddedData>),
        [WebhookEvents.StatusChanged] = typeof(WebhookPayload<StatusChangedData>),
        [WebhookEvents.VerdictPublished] = typeof(WebhookPayload<VerdictPublishedData>),
        [WebhookEvents.VerdictWithdrawn] = typeof(WebhookPayload<VerdictWithdrawnData>),
        [WebhookEvents.Ping] = typeof(WebhookPayload<PingData>),
    };

    /// <summary>When each event is sent, in the words of the OpenAPI document's webhooks section.</summary>
    public static readonly IReadOnlyDictionary<string, string> WhenSent = new Dictionary<string, string>
    {
        [WebhookEvents.ClaimRegistered] = "A claim was registered.",
        [WebhookEvents.EvidenceAdded] = "Evidence was added: one delivery per gathering or matching run, listing every item it added " +
                                        "(each with the evidenceId and decisionUrl to accept or reject it, its article and outlet), or the one source a reviewer cited.",
        [WebhookEvents.StatusChanged] = "The claim moved through the workflow (a reviewer's move, an approved verdict, or the desk's gathering).",
        [WebhookEvents.VerdictPublished] = "A verdict took effect: the verdict, its rationale and the public ClaimReview URL. Sent with the " +
                                           "claim.status_changed of the same move (same eventId and sequence).",
        [WebhookEvents.VerdictWithdrawn] = "An editor reopened a decided claim and its published ClaimReview was withdrawn.",
        [WebhookEvents.Ping] = "Sent only when asked for (POST /api/v1/webhooks/{id}/ping), whatever events the subscription chose.",
    };
}
