using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;
using ClaimDesk.Core.Infrastructure.Outbound;
using ClaimDesk.Core.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Core.Features.Feeds;

/// <summary>
/// Job: reads an RSS 2.0 or Atom feed and submits each item it has not seen (by link) as an article by URL, so new
/// items are fetched, suggested and corroborated like any other. Seen links are stored: a poll never adds an item twice.
/// </summary>
public sealed record PollFeed(long FeedId) : ICommand<int>;

public sealed class PollFeedHandler(ClaimDeskDbContext db, SafeHttpClient http, IMediator mediator, TimeProvider clock, ILogger<PollFeedHandler> logger)
    : ICommandHandler<PollFeed, int>
{
    private const int MaxItemsPerPoll = 100;

    public async ValueTask<int> Handle(PollFeed command, CancellationToken ct)
    {
        var feed = await db.Feeds.FirstOrDefaultAsync(f => f.Id == command.FeedId && f.Active, ct);
        if (feed is null) return 0;

        List<string> links;
        try
        {
            var response = await http.GetAsync(new Uri(feed.Url), ct);
            if ((int)response.Status is < 200 or >= 300) throw new OutboundRefusedException($"HTTP {(int)response.Status}");
            using var reader = XmlReader.Create(new StringReader(Encoding.UTF8.GetString(response.Body)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            var parsed = SyndicationFeed.Load(reader);
            links = parsed.Items.Select(i => i.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri ?? i.Links.FirstOrDefault()?.Uri)
                .Where(u => u is not null).Select(u => (u!.IsAbsoluteUri ? u : new Uri(new Uri(feed.Url), u)).ToString())
                .Distinct().Take(MaxItemsPerPoll).ToList();
            feed.LastError = null;
        }
        catch (Exception ex) when (ex is OutboundRefusedException or XmlException or InvalidOperationException)
        {
            // Every role reads a feed's last error: the public reason there, the technical detail in the logs.
            feed.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            feed.LastPolledAt = clock.GetUtcNow().UtcDateTime;
            logger.LogInformation("Feed {FeedId} could not be polled: {Reason} ({Detail})", feed.Id, ex.Message, (ex as OutboundRefusedException)?.Detail ?? ex.GetType().Name);
            return 0;
        }

        var seen = await db.FeedItems.Where(i => i.FeedId == feed.Id && links.Contains(i.Link)).Select(i => i.Link).ToListAsync(ct);
        var added = 0;
        foreach (var link in links.Except(seen))
        {
            long? articleId = null;
            try
            {
                articleId = (await mediator.Send(new SubmitArticleUrl(link, feed.OutletName), ct)).Article.Id;
            }
            catch (FluentValidation.ValidationException)
            {
                // A link the desk will not fetch (a refused address): remembered as seen, so it is not tried on every poll.
            }
            db.FeedItems.Add(new FeedItem { FeedId = feed.Id, Link = link, ArticleId = articleId, SeenAt = clock.GetUtcNow().UtcDateTime });
            added++;
        }
        feed.ItemsSeen += added;
        // Set last, so it is saved with the poll's final write: each submitted link saves on its own, and a poll marked
        // done before its items are in would tell a reader it had finished.
        feed.LastPolledAt = clock.GetUtcNow().UtcDateTime;
        return added;
    }
}
