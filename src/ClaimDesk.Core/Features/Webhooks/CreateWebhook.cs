using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Outbound;
using ClaimDesk.Core.Infrastructure.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Webhooks;

public sealed record CreatedWebhook(WebhookView Subscription, string Secret);

/// <summary>An integration subscribes a URL to events; the signing secret is returned this once.</summary>
public sealed record CreateWebhook(string Url, IReadOnlyList<string> Events, string? Description) : ICommand<CreatedWebhook>, ISavesItself;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    /// <summary>There are five events; room for repeats, not for a flood.</summary>
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
        await db.SaveChangesAsync(ct); // the answer shows the subscription's id
        return new CreatedWebhook(WebhookView.Of(subscription), secret);
    }
}
