using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Review;
using ClaimDesk.Core.Features.Webhooks;

namespace ClaimDesk.Core.Infrastructure.Webhooks;

/// <summary>
/// A delivery's body, from its stored audit event's typed change (a ping's from the delivery) and the desk's public
/// addresses — nothing read from a request — so every attempt sends the same bytes.
/// </summary>
public static class WebhookBodies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Body(WebhookDelivery delivery, DeskOptions desk) => delivery.ClaimEvent is { } e
        ? Serialize(delivery.EventType, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), DataOf(delivery.EventType, e, desk))
        : Serialize(WebhookEvents.Ping, DateTime.SpecifyKind(delivery.CreatedAt, DateTimeKind.Utc),
            new PingData(delivery.SubscriptionId, delivery.Id, "A ping asked for on the desk: answer 2xx to show the endpoint is up."));

    private static string Serialize<TData>(string type, DateTime at, TData data) where TData : notnull =>
        JsonSerializer.Serialize(new WebhookPayload<object>(type, at, data), Json);

    private static object DataOf(string eventType, ClaimEvent e, DeskOptions desk)
    {
        var claimUrl = desk.ApiLink(Path(e.ClaimId));
        var (id, seq, actor) = (e.ClaimId, e.Sequence, e.Actor);
        return (eventType, e.ReadChange()) switch
        {
            (WebhookEvents.ClaimRegistered, ClaimRegistered { After: var c }) =>
                new ClaimRegisteredData(id, e.Id, seq, actor, claimUrl, c.Text, c.Kind, c.Claimant, c.Status),
            (WebhookEvents.VerdictPublished, StatusChanged s) =>
                new VerdictPublishedData(id, e.Id, seq, actor, claimUrl, s.To, s.After.Rationale ?? "", s.After.SourceUrl,
                    desk.ClaimReviewUrl(id), s.Detail?.ProposedBy, s.Detail?.ApprovedBy),
            (WebhookEvents.StatusChanged, StatusChanged s) =>
                new StatusChangedData(id, e.Id, seq, actor, claimUrl, s.From, s.To, s.Detail?.Move, s.After.Rationale, s.After.SourceUrl,
                    s.After.DuplicateOf, s.Detail?.Note),
            (WebhookEvents.EvidenceAdded, EvidenceAdded { After: var run }) =>
                new EvidenceAddedData(id, e.Id, seq, actor, claimUrl,
                    run.Run == GatheringKind.Matching ? EvidenceOrigin.Matching : EvidenceOrigin.Gathering, run.GatheringRunId,
                    run.Items.Select(i => new EvidenceItemData(i.EvidenceId, DecisionLink(desk, id, i.EvidenceId), new ArticleData(i.ArticleId, i.ArticleTitle, i.ArticleUrl),
                        new OutletData(i.OutletId, i.OutletName), null, i.Stance, i.Score, i.Independent)).ToList()),
            (WebhookEvents.EvidenceAdded, SourceCited { After: var cited }) =>
                new EvidenceAddedData(id, e.Id, seq, actor, claimUrl, EvidenceOrigin.Citation, null,
                    [new EvidenceItemData(cited.EvidenceId, cited.EvidenceId is { } evidenceId ? DecisionLink(desk, id, evidenceId) : null, null, null,
                        cited.Url, cited.Stance, 1, cited.Independent)]),
            (WebhookEvents.VerdictWithdrawn, VerdictWithdrawn { Detail: var w }) =>
                new VerdictWithdrawnData(id, e.Id, seq, actor, claimUrl, w.Verdict, w.ReviewId, w.Reason, desk.ClaimReviewUrl(id)),
            // An event stored before its kind was typed: the history's objects, as they were.
            (_, var other) => new { claimId = id, eventId = e.Id, sequence = seq, actor, claimUrl, change = other.Type,
                before = ClaimChanges.Object(other.Parts.Before), after = ClaimChanges.Object(other.Parts.After) },
        };
    }

    private static string Path(long claimId) => "/api/v1/claims/" + claimId.ToString(CultureInfo.InvariantCulture);

    private static string? DecisionLink(DeskOptions desk, long claimId, long evidenceId) =>
        desk.ApiLink($"{Path(claimId)}/evidence/{evidenceId.ToString(CultureInfo.InvariantCulture)}/decision");
}
