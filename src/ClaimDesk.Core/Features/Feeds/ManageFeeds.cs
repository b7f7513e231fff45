using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Outbound;
using ClaimDesk.Core.Jobs;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Feeds;

public sealed record FeedView(long Id, string Url, string Outlet, bool Active, DateTime CreatedAt, DateTime? LastPolledAt, string? LastError, int ItemsSeen);

/// <summary>Registers an RSS/Atom feed; it is polled on a schedule (and once now).</summary>
public sealed record RegisterFeed(string Url, string Outlet) : ICommand<FeedView>;

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
        await db.SaveChangesAsync(ct);
        afterCommit.Add(() => jobs.PollFeed(feed.Id));
        return ToView(feed);
    }

    internal static FeedView ToView(Feed f) => new(f.Id, f.Url, f.OutletName, f.Active, f.CreatedAt, f.LastPolledAt, f.LastError, f.ItemsSeen);
}

public sealed record ListFeeds(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<FeedView>>, IPagedQuery;

public sealed class ListFeedsValidator : PagedQueryValidator<ListFeeds>;

public sealed class ListFeedsHandler(ClaimDeskDbContext db) : IQueryHandler<ListFeeds, PagedResult<FeedView>>
{
    public async ValueTask<PagedResult<FeedView>> Handle(ListFeeds query, CancellationToken ct) =>
        await db.Feeds.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new FeedView(f.Id, f.Url, f.OutletName, f.Active, f.CreatedAt, f.LastPolledAt, f.LastError, f.ItemsSeen)).ToPageAsync(query, ct);
}

/// <summary>Polls a feed now (202): the same job the schedule runs.</summary>
public sealed record RequestFeedPoll(long FeedId) : ICommand<long>;

public sealed class RequestFeedPollHandler(ClaimDeskDbContext db, IAfterCommit afterCommit, IJobScheduler jobs) : ICommandHandler<RequestFeedPoll, long>
{
    public async ValueTask<long> Handle(RequestFeedPoll command, CancellationToken ct)
    {
        if (!await db.Feeds.AnyAsync(f => f.Id == command.FeedId, ct)) throw new NotFoundException("Feed", command.FeedId);
        afterCommit.Add(() => jobs.PollFeed(command.FeedId));
        return command.FeedId;
    }
}

public sealed record DeactivateFeed(long FeedId) : ICommand<FeedView>;

public sealed class DeactivateFeedHandler(ClaimDeskDbContext db) : ICommandHandler<DeactivateFeed, FeedView>
{
    public async ValueTask<FeedView> Handle(DeactivateFeed command, CancellationToken ct)
    {
        var feed = await db.Feeds.FirstOrDefaultAsync(f => f.Id == command.FeedId, ct) ?? throw new NotFoundException("Feed", command.FeedId);
        feed.Active = false;
        await db.SaveChangesAsync(ct);
        return RegisterFeedHandler.ToView(feed);
    }
}
