using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Outbound;
using ClaimDesk.Core.Jobs;
using ClaimDesk.Core.Behaviors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Feeds;

/// <summary>Registers an RSS/Atom feed; it is polled on a schedule (and once now).</summary>
public sealed record RegisterFeed(string Url, string Outlet) : ICommand<FeedView>, ISavesItself;

public sealed class RegisterFeedValidator : AbstractValidator<RegisterFeed>
{
    public RegisterFeedValidator(IOptions<OutboundOptions> outbound)
    {
        RuleFor(f => f.Url).MustBeReachableUrl(outbound.Value);
        RuleFor(f => f.Outlet).NotEmpty().MaximumLength(200).LabelText();
    }
}

public sealed class RegisterFeedHandler(ClaimDeskDbContext db, TimeProvider clock, IAfterCommit afterCommit, IJobScheduler jobs) : ICommandHandler<RegisterFeed, FeedView>
{
    public async ValueTask<FeedView> Handle(RegisterFeed command, CancellationToken ct)
    {
        var url = command.Url.Trim();
        if (await db.Feeds.AnyAsync(f => f.Url == url, ct)) throw new ConflictException("Feed exists", $"{url} is already registered.");
        var feed = new Feed { Url = url, OutletName = command.Outlet.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Feeds.Add(feed);
        await db.SaveChangesAsync(ct); // the answer shows the feed's id
        afterCommit.Add(() => jobs.PollFeed(feed.Id));
        return FeedView.Of(feed);
    }
}
