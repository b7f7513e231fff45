using System.Text;
using ClaimDesk.Analysis.Text;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Outlets;
using ClaimDesk.Core.Infrastructure.Outbound;
using ClaimDesk.Core.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Core.Features.Articles;

/// <summary>
/// Job: fetches a pending article's page through the outbound guard and extracts its text, title, date and outlet
/// (SmartReader, a port of Mozilla's Readability). A failure is recorded on the article with its reason. Safe to run twice.
/// </summary>
public sealed record FetchArticle(long ArticleId) : ICommand<bool>;

public sealed class FetchArticleHandler(
    ClaimDeskDbContext db, SafeHttpClient http, TimeProvider clock, IAfterCommit afterCommit, IJobScheduler jobs, ILogger<FetchArticleHandler> logger)
    : ICommandHandler<FetchArticle, bool>
{
    public async ValueTask<bool> Handle(FetchArticle command, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Outlet).FirstOrDefaultAsync(a => a.Id == command.ArticleId, ct);
        if (article is null || article.State != ArticleState.PendingFetch) return false;

        var extracted = await ExtractAsync(new Uri(article.Url!), ct);
        if (extracted.Failure is { } failure)
        {
            // Readers see the public reason; what the resolver or the socket said (internal names, addresses) is logged only.
            article.State = ArticleState.FetchFailed;
            article.FailureReason = failure.Reason;
            article.Touch(clock.GetUtcNow().UtcDateTime);
            logger.LogInformation("Article {ArticleId} could not be fetched: {Reason} ({Detail})", article.Id, failure.Reason, failure.Detail);
            return false;
        }

        var (title, text, published, siteName, _) = extracted;
        var hash = ContentHash.Of(text!);
        var duplicate = await db.Articles.Where(a => a.ContentHash == hash).Select(a => a.Id).FirstOrDefaultAsync(ct);
        if (duplicate != 0)
        {
            article.State = ArticleState.FetchFailed;
            article.FailureReason = $"duplicate of article {duplicate} (the same text)";
            article.Touch(clock.GetUtcNow().UtcDateTime);
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // The page may name its outlet better than the host did; an outlet given by a feed stays.
        if (!string.IsNullOrWhiteSpace(siteName) && article.Outlet.Name == article.Outlet.Domain)
            article.Outlet = await OutletDirectory.FindOrCreateAsync(db, siteName.Trim(), article.Outlet.Domain, SystemActor.Instance, now, ct);
        article.Title = string.IsNullOrWhiteSpace(title) ? article.Url! : title.Trim()[..Math.Min(500, title.Trim().Length)];
        article.Text = text!;
        article.PublishedAt = published is { } p ? DateOnly.FromDateTime(p) : null;
        article.ContentHash = hash;
        article.State = ArticleState.Registered;
        article.Touch(now);
        article.Passages = PassageSplitter.Split(text!)
            .Select(s => new Passage { Index = s.Index, Paragraph = s.Paragraph, Start = s.Start, End = s.End, Text = s.Slice(text!) }).ToList();
        afterCommit.Add(() =>
        {
            jobs.SuggestClaims(article.Id);
            jobs.IndexArticle(article.Id);
        });
        return true;
    }

    private sealed record Failure(string Reason, string Detail)
    {
        public Failure(string reason) : this(reason, reason) { }
    }

    private async Task<(string? Title, string? Text, DateTime? Published, string? SiteName, Failure? Failure)> ExtractAsync(Uri url, CancellationToken ct)
    {
        SafeHttpClient.Response response;
        try
        {
            response = await http.GetAsync(url, ct);
        }
        catch (OutboundRefusedException failed)
        {
            return (null, null, null, null, new Failure(failed.Message, failed.Detail));
        }
        if ((int)response.Status is < 200 or >= 300) return (null, null, null, null, new Failure($"HTTP {(int)response.Status}"));
        if (response.ContentType is { } type && !type.Contains("html", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            return (null, null, null, null, new Failure($"not a web page ({type[..Math.Min(100, type.Length)]})"));

        var html = Encoding.UTF8.GetString(response.Body);
        var page = new SmartReader.Reader(response.FinalUrl.ToString(), html).GetArticle();
        var text = page.TextContent?.Trim();
        if (!page.IsReadable || string.IsNullOrWhiteSpace(text) || text.Length < 200)
            return (null, null, null, null, new Failure("no article text could be extracted from the page"));
        if (text.Length > Features.Articles.RegisterArticleValidator.MaxTextLength)
            return (null, null, null, null, new Failure("the extracted article is longer than the desk accepts"));
        return (page.Title, text, page.PublicationDate, page.SiteName, null);
    }
}
