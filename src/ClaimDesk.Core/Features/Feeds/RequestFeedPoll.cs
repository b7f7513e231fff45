using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Feeds;

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
