using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Feeds;

/// <summary>The feed is polled no more; the articles it brought, and its record, stay.</summary>
public sealed record DeactivateFeed(long FeedId) : ICommand<FeedView>;

public sealed class DeactivateFeedHandler(ClaimDeskDbContext db) : ICommandHandler<DeactivateFeed, FeedView>
{
    public async ValueTask<FeedView> Handle(DeactivateFeed command, CancellationToken ct)
    {
        var feed = await db.Feeds.FirstOrDefaultAsync(f => f.Id == command.FeedId, ct) ?? throw new NotFoundException("Feed", command.FeedId);
        feed.Active = false;
        return FeedView.Of(feed);
    }
}
