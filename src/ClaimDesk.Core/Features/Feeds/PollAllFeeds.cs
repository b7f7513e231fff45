using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Feeds;

/// <summary>The recurring job: queues a poll of every active feed.</summary>
public sealed record PollAllFeeds : ICommand<int>;

public sealed class PollAllFeedsHandler(ClaimDeskDbContext db, IAfterCommit afterCommit, IJobScheduler jobs) : ICommandHandler<PollAllFeeds, int>
{
    public async ValueTask<int> Handle(PollAllFeeds command, CancellationToken ct)
    {
        var feeds = await db.Feeds.AsNoTracking().Where(f => f.Active).Select(f => f.Id).ToListAsync(ct);
        afterCommit.Add(() => { foreach (var id in feeds) jobs.PollFeed(id); });
        return feeds.Count;
    }
}
