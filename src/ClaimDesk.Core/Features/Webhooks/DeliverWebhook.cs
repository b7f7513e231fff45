using ClaimDesk.Core.Behaviors;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Review;
using ClaimDesk.Core.Infrastructure.Outbound;
using ClaimDesk.Core.Infrastructure.Webhooks;
using ClaimDesk.Core.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Webhooks;

/// <summary>Configuration section ClaimDesk:Webhooks.</summary>
public sealed class WebhookOptions
{
    public const string Section = "ClaimDesk:Webhooks";
    private static readonly int[] AboutADay = [5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 28800];

    /// <summary>
    /// Waits before each retry; when not configured, about a day in all (5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h).
    /// (No default in the property itself: configuration binding appends to an array rather than replacing it.)
    /// </summary>
    public int[]? RetryDelaysSeconds { get; set; }

    public int[] Delays => RetryDelaysSeconds is { Length: > 0 } configured ? configured : AboutADay;
}

/// <summary>
/// Job: sends one delivery, signed per Standard Webhooks. 2xx delivers; 410 Gone disables the subscription; anything
/// else is retried after the next delay until the schedule is spent. Every attempt is logged on the delivery.
/// </summary>
public sealed record DeliverWebhook(long DeliveryId) : ICommand<DeliveryOutcome?>, ISavesItself;

public sealed class DeliverWebhookHandler(
    ClaimDeskDbContext db, SafeHttpClient http, WebhookSecrets secrets, IJobScheduler jobs, IOptions<WebhookOptions> options,
    IOptions<DeskOptions> desk, TimeProvider clock, ILogger<DeliverWebhookHandler> logger)
    : ICommandHandler<DeliverWebhook, DeliveryOutcome?>
{
    public async ValueTask<DeliveryOutcome?> Handle(DeliverWebhook command, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.Include(d => d.Subscription).Include(d => d.ClaimEvent)
            .FirstOrDefaultAsync(d => d.Id == command.DeliveryId, ct);
        if (delivery is null || delivery.Outcome != DeliveryOutcome.Pending) return delivery?.Outcome;
        var now = clock.GetUtcNow();
        if (delivery.Subscription.DisabledAt is not null)
        {
            Finish(delivery, DeliveryOutcome.Failed, now, "subscription disabled");
            return delivery.Outcome;
        }

        var body = WebhookBodies.Body(delivery, desk.Value);
        var timestamp = now.ToUnixTimeSeconds();
        var signature = secrets.Sign(delivery.Subscription.ProtectedSecret, delivery.MessageId, timestamp, body);
        var started = Stopwatch.GetTimestamp();
        string result;
        HttpStatusCode? status = null;
        try
        {
            var response = await http.SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, delivery.Subscription.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("webhook-id", delivery.MessageId);
                request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", signature);
                return request;
            }, new Uri(delivery.Subscription.Url), ct, followRedirects: false);
            status = response.Status;
            result = $"{(int)response.Status}";
        }
        catch (OutboundRefusedException failed)
        {
            // The attempt log shows the public reason; the technical detail goes to the logs (never the URL: it may hold a token).
            result = failed.Message;
            logger.LogInformation("Webhook delivery {DeliveryId} attempt {Attempt} failed: {Reason} ({Detail})",
                delivery.Id, delivery.Attempts + 1, failed.Message, failed.Detail);
        }
        delivery.Attempts++;
        Log(delivery, now, status, result, Stopwatch.GetElapsedTime(started));

        if (status is { } code && (int)code is >= 200 and < 300)
        {
            Finish(delivery, DeliveryOutcome.Delivered, now, null);
            delivery.DeliveredAt = now.UtcDateTime;
        }
        else if (status == HttpStatusCode.Gone)
        {
            // The receiver says it is gone for good: stop sending it anything.
            delivery.Subscription.DisabledAt = now.UtcDateTime;
            delivery.Subscription.DisabledReason = $"the receiver answered 410 Gone to {delivery.MessageId}";
            Finish(delivery, DeliveryOutcome.Failed, now, null);
        }
        else if (delivery.Attempts > options.Value.Delays.Length)
        {
            Finish(delivery, DeliveryOutcome.Failed, now, null);
        }
        else
        {
            var delay = TimeSpan.FromSeconds(options.Value.Delays[delivery.Attempts - 1]);
            delivery.NextAttemptAt = (now + delay).UtcDateTime;
            var id = delivery.Id;
            // The next attempt's time is saved before its job is scheduled, so the recovery sweep and the job agree on it.
            await db.SaveChangesAsync(ct);
            jobs.DeliverWebhook(id, delay);
        }
        return delivery.Outcome;
    }

    private static void Finish(WebhookDelivery delivery, DeliveryOutcome outcome, DateTimeOffset now, string? note)
    {
        delivery.Outcome = outcome;
        delivery.NextAttemptAt = null;
        if (note is not null) Log(delivery, now, null, note, TimeSpan.Zero);
    }

    private static void Log(WebhookDelivery delivery, DateTimeOffset at, HttpStatusCode? status, string result, TimeSpan took)
    {
        var log = JsonNode.Parse(delivery.AttemptLog)!.AsArray();
        log.Add(new JsonObject
        {
            ["at"] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["statusCode"] = status is { } s ? (int)s : null,
            ["result"] = result.Length > 300 ? result[..300] : result,
            ["durationMs"] = Math.Round(took.TotalMilliseconds, 1),
        });
        // Keep the log bounded: the first attempt and the latest ones.
        while (log.Count > 20) log.RemoveAt(1);
        delivery.AttemptLog = log.ToJsonString();
    }
}
