using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Feeds;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.WebConsole.Pages.Admin;

/// <summary>RSS/Atom feeds: everyone sees when each was polled and its last error; integrations and admins manage them.</summary>
public sealed class FeedsModel : ConsolePage
{
    public IReadOnlyList<FeedView> Feeds { get; private set; } = [];

    public override string Title => "Feeds";

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    [Permission(RolePermissions.ManageIntegrations)]
    public Task<IActionResult> OnPostRegisterAsync(string? url, string? outlet) => ChangeAsync(async ct =>
    {
        var feed = await Mediator.Send(new RegisterFeed(url?.Trim() ?? "", outlet?.Trim() ?? ""), ct);
        return $"Feed {feed.Url} registered; it is polled now and every 15 minutes.";
    });

    [Permission(RolePermissions.ManageIntegrations)]
    public Task<IActionResult> OnPostPollAsync(long feedId) => ChangeAsync(async ct =>
    {
        await Mediator.Send(new RequestFeedPoll(feedId), ct);
        return $"Feed {feedId} is being polled.";
    });

    [Permission(RolePermissions.ManageIntegrations)]
    public Task<IActionResult> OnPostStopAsync(long feedId) => ChangeAsync(async ct =>
    {
        var feed = await Mediator.Send(new DeactivateFeed(feedId), ct);
        return $"Stopped polling {feed.Url}.";
    });

    protected override async Task LoadAsync(CancellationToken ct) => Feeds = (await Mediator.Send(new ListFeeds(1, Paging.MaxPageSize), ct)).Items;
}
