using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Features.Feeds;

public sealed record FeedView(long Id, string Url, string Outlet, bool Active, DateTime CreatedAt, DateTime? LastPolledAt, string? LastError, int ItemsSeen)
{
    internal static FeedView Of(Feed f) => new(f.Id, f.Url, f.OutletName, f.Active, f.CreatedAt, f.LastPolledAt, f.LastError, f.ItemsSeen);
}
