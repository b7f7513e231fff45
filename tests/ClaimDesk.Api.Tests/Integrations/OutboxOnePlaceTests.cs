using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Analysis;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Review;
using ClaimDesk.Core.Infrastructure.Claims;
using ClaimDesk.Core.Infrastructure.Events;
using ClaimDesk.Core.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Api.Tests.Integrations;

/// <summary>
/// One place turns a change into audit and outbox rows: the registration writer's prepared INSERTs and the unit of work's
/// SaveChanges write the same rows for the same change, and webhook events are decided from the change's type.
/// </summary>
[Collection(PrivateNetworkCollection.Name)]
public sealed class OutboxOnePlaceTests(PrivateNetworkDesk desk)
{
    [Fact]
    public async Task The_registration_writer_and_the_unit_of_work_write_the_same_audit_and_outbox_rows_for_the_same_change()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        var subscribed = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = receiver.Url("/hook").ToString(), events = new[] { "claim.registered", "claim.status_changed" } });
        await subscribed.ShouldBe(HttpStatusCode.Created);
        var subscription = (await SubscribedJson(subscribed)).GetProperty("subscription").Id();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: Stories.Unique().Article);
        var at = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
        var change = new ClaimRegistered(new RegisteredClaim("The harbour wall was rebuilt in 1911.", ClaimKind.Factual, null, null, ClaimStatus.Registered));

        // The writer's path: prepared INSERTs in the writer's own transaction.
        var byWriter = await desk.Services.GetRequiredService<ClaimRegistrationWriter>()
            .WriteAsync(NewClaim(article.Id(), at), ClaimEventLog.EventFor(0, "one-place-test", at, change, sequence: 1));

        // The unit of work's path: the same change recorded on a context and saved.
        long byUnitOfWork;
        using (var scope = desk.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClaimDeskDbContext>();
            var claim = NewClaim(article.Id(), at);
            db.Claims.Add(claim);
            ClaimAudit.Record(db, claim, new RecordedActor("one-place-test", Role.Admin, null), at, change);
            await db.SaveChangesAsync();
            byUnitOfWork = claim.Id;
        }

        using var read = desk.Services.CreateScope();
        var rows = read.ServiceProvider.GetRequiredService<ClaimDeskDbContext>();
        async Task<(ClaimEvent Event, List<WebhookDelivery> Deliveries)> RowsOf(long claimId)
        {
            var e = await rows.ClaimEvents.AsNoTracking().SingleAsync(x => x.ClaimId == claimId && x.Type == "registered");
            var d = await rows.WebhookDeliveries.AsNoTracking().Include(x => x.ClaimEvent).Where(x => x.ClaimEventId == e.Id && x.SubscriptionId == subscription).ToListAsync();
            return (e, d);
        }
        var (writerEvent, writerDeliveries) = await RowsOf(byWriter.Id);
        var (uowEvent, uowDeliveries) = await RowsOf(byUnitOfWork);

        Assert.Equal((writerEvent.Type, writerEvent.Actor, writerEvent.At, writerEvent.Sequence, writerEvent.Payload, writerEvent.Before, writerEvent.After),
            (uowEvent.Type, uowEvent.Actor, uowEvent.At, uowEvent.Sequence, uowEvent.Payload, uowEvent.Before, uowEvent.After));
        Assert.Equal(1, uowEvent.Sequence);
        Assert.Contains("\"$kind\":\"registered\"", uowEvent.Payload);
        var writerDelivery = Assert.Single(writerDeliveries);
        var uowDelivery = Assert.Single(uowDeliveries);
        // The rows as written; whether the delivery job has sent one yet (its outcome, attempts) is a race, not the outbox's.
        Assert.Equal((writerDelivery.EventType, writerDelivery.RedeliveryOf), (uowDelivery.EventType, uowDelivery.RedeliveryOf));
        Assert.Equal("claim.registered", uowDelivery.EventType);

        // And the bodies they send differ only in the claim's and the event's ids.
        var deskOptions = desk.Services.GetRequiredService<IOptions<DeskOptions>>().Value;
        string Neutral(WebhookDelivery d) => WebhookBodies.Body(d, deskOptions)
            .Replace($"/claims/{d.ClaimEvent!.ClaimId}", "/claims/ID").Replace($"\"claimId\":{d.ClaimEvent.ClaimId}", "\"claimId\":ID")
            .Replace($"\"eventId\":{d.ClaimEvent.Id}", "\"eventId\":ID");
        Assert.Equal(Neutral(writerDelivery), Neutral(uowDelivery));
    }

    [Fact]
    public void A_verdict_is_published_because_of_the_change_type_not_because_of_what_its_json_says()
    {
        var toVerdict = new StatusChanged(new StatusBefore(ClaimStatus.InReview), new StatusAfter(ClaimStatus.Verified, "Two records agree."));
        Assert.Equal(["claim.status_changed", "claim.verdict_published"], WebhookEvents.For(toVerdict));

        // Words that look like a verdict inside a rationale or a comment publish nothing.
        var lookalike = new StatusChanged(new StatusBefore(ClaimStatus.NeedsReview), new StatusAfter(ClaimStatus.InReview, "\"status\":\"verified\""));
        Assert.Equal(["claim.status_changed"], WebhookEvents.For(lookalike));
        Assert.Empty(WebhookEvents.For(new CommentAdded(new CommentText("{\"status\":\"verified\"}"))));

        // An entry stored before payloads, written with other spacing and casing than the serializer's, still reads as a
        // move to a verdict (a substring match on "status":"verified" would have missed it).
        var legacy = new ClaimEvent
        {
            ClaimId = 1, Actor = "old-reviewer", Type = "transition",
            Before = "{ \"Status\" : \"InReview\" }", After = "{ \"Status\" : \"Disputed\", \"Rationale\" : \"The minutes say otherwise.\" }",
        };
        var read = Assert.IsType<StatusChanged>(legacy.ReadChange());
        Assert.Equal((ClaimStatus.InReview, ClaimStatus.Disputed), (read.From, read.To));
        Assert.Equal(["claim.status_changed", "claim.verdict_published"], WebhookEvents.For(read));
        Assert.Equal(["claim.verdict_withdrawn"], WebhookEvents.For(new VerdictWithdrawn(
            new ReviewStateOf(4, ReviewState.Published), new ReviewStateOf(4, ReviewState.Withdrawn), new Withdrawal(4, ClaimStatus.Disputed))));
    }

    private static async Task<JsonElement> SubscribedJson(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static Claim NewClaim(long articleId, DateTime at) => new()
    {
        ArticleId = articleId, Text = "The harbour wall was rebuilt in 1911.", Kind = ClaimKind.Factual, CheckWorthiness = 0.5,
        Status = ClaimStatus.Registered, CreatedAt = at, UpdatedAt = at, CreatedBy = "one-place-test", Version = 1,
    };
}
