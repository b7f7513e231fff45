using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Outbound;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Webhooks;

public sealed record WebhookView(long Id, string Url, IReadOnlyList<string> Events, string? Description, DateTime CreatedAt, DateTime? DisabledAt, string? DisabledReason);

public sealed record CreatedWebhook(WebhookView Subscription, string Secret);

/// <summary>An integration subscribes a URL to events; the signing secret is returned this once.</summary>
public sealed record CreateWebhook(string Url, IReadOnlyList<string> Events, string? Description) : ICommand<CreatedWebhook>;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    /// <summary>There are four events; room for repeats, not for a flood.</summary>
    public const int MaxEvents = 20;

    public CreateWebhookValidator(IOptions<OutboundOptions> outbound)
    {
        RuleFor(w => w.Url).MustBeReachableUrl(outbound.Value);
        RuleFor(w => w.Events).NotEmpty().AtMostItems(MaxEvents);
        // Each event is looked at only in a list of sane length: an oversized list is refused as a whole, at once.
        RuleForEach(w => w.Events).Must(e => WebhookEvents.All.Contains(e)).When(w => w.Events.Count <= MaxEvents)
            .WithMessage((_, e) => $"'{Shorten(e)}' is not an event; use: {string.Join(", ", WebhookEvents.All)}.");
        RuleFor(w => w.Description).MaximumLength(500).ProseText();
    }

    private static string Shorten(string? value) => value is { Length: > 60 } ? value[..60] + "…" : value ?? "";
}

public sealed class CreateWebhookHandler(ClaimDeskDbContext db, WebhookSecrets secrets, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<CreateWebhook, CreatedWebhook>
{
    public async ValueTask<CreatedWebhook> Handle(CreateWebhook command, CancellationToken ct)
    {
        var (secret, protectedSecret) = secrets.Generate();
        var subscription = new WebhookSubscription
        {
            Url = command.Url.Trim(), Events = string.Join(',', command.Events.Distinct()), Description = command.Description,
            ProtectedSecret = protectedSecret, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhook(ToView(subscription), secret);
    }

    internal static WebhookView ToView(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventList.ToList(), s.Description, s.CreatedAt, s.DisabledAt, s.DisabledReason);
}

public sealed record ListWebhooks(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<WebhookView>>, IPagedQuery;

public sealed class ListWebhooksValidator : PagedQueryValidator<ListWebhooks>;

public sealed class ListWebhooksHandler(ClaimDeskDbContext db) : IQueryHandler<ListWebhooks, PagedResult<WebhookView>>
{
    public async ValueTask<PagedResult<WebhookView>> Handle(ListWebhooks query, CancellationToken ct)
    {
        var page = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToPageAsync(query, ct);
        return new PagedResult<WebhookView>(page.Items.Select(CreateWebhookHandler.ToView).ToList(), page.Page, page.PageSize, page.Total);
    }
}

/// <summary>Stops a subscription (kept, disabled, with its delivery log).</summary>
public sealed record DeleteWebhook(long Id) : ICommand<WebhookView>;

public sealed class DeleteWebhookHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor) : ICommandHandler<DeleteWebhook, WebhookView>
{
    public async ValueTask<WebhookView> Handle(DeleteWebhook command, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == command.Id, ct) ?? throw new NotFoundException("Webhook", command.Id);
        subscription.DisabledAt ??= clock.GetUtcNow().UtcDateTime;
        subscription.DisabledReason ??= $"deleted by {actor.Name}";
        await db.SaveChangesAsync(ct);
        return CreateWebhookHandler.ToView(subscription);
    }
}

public sealed record DeliveryView(long Id, string MessageId, string EventType, long ClaimId, DeliveryOutcome Outcome, int Attempts,
    DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? DeliveredAt, IReadOnlyList<DeliveryAttempt> AttemptLog);

/// <summary>One try at a delivery: when, the receiver's status code (none when it could not be reached), what happened, how long it took.</summary>
public sealed record DeliveryAttempt(DateTime At, int? StatusCode, string Result, double DurationMs);

/// <summary>A subscription's deliveries, newest first.</summary>
public sealed record ListDeliveries(long SubscriptionId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<DeliveryView>>, IPagedQuery;

public sealed class ListDeliveriesValidator : PagedQueryValidator<ListDeliveries>;

public sealed class ListDeliveriesHandler(ClaimDeskDbContext db) : IQueryHandler<ListDeliveries, PagedResult<DeliveryView>>
{
    private static readonly System.Text.Json.JsonSerializerOptions AttemptJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public async ValueTask<PagedResult<DeliveryView>> Handle(ListDeliveries query, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == query.SubscriptionId, ct)) throw new NotFoundException("Webhook", query.SubscriptionId);
        var page = await db.WebhookDeliveries.AsNoTracking().Include(d => d.ClaimEvent)
            .Where(d => d.SubscriptionId == query.SubscriptionId).OrderByDescending(d => d.Id).ToPageAsync(query, ct);
        return new PagedResult<DeliveryView>(page.Items.Select(d => new DeliveryView(d.Id, d.MessageId, d.EventType, d.ClaimEvent.ClaimId, d.Outcome,
            d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt,
            System.Text.Json.JsonSerializer.Deserialize<List<DeliveryAttempt>>(d.AttemptLog, AttemptJson) ?? [])).ToList(), page.Page, page.PageSize, page.Total);
    }
}
