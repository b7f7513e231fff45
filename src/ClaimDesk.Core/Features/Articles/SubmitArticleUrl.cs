using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Outlets;
using ClaimDesk.Core.Infrastructure.Outbound;
using ClaimDesk.Core.Jobs;
using ClaimDesk.Core.Behaviors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Articles;

/// <summary>An article given only by its URL: stored as pending, fetched and extracted by a job. Created = false when the URL is held already.</summary>
public sealed record SubmitArticleUrl(string Url, string? Outlet = null) : ICommand<ArticleRegistration>, ISavesItself;

public sealed class SubmitArticleUrlValidator : AbstractValidator<SubmitArticleUrl>
{
    public SubmitArticleUrlValidator(IOptions<OutboundOptions> outbound)
    {
        RuleFor(s => s.Outlet).MaximumLength(200).LabelText();
        RuleFor(s => s.Url).MustBeReachableUrl(outbound.Value);
    }
}

public sealed class SubmitArticleUrlHandler(ClaimDeskDbContext db, TimeProvider clock, IAfterCommit afterCommit, IJobScheduler jobs, ICurrentActor actor)
    : ICommandHandler<SubmitArticleUrl, ArticleRegistration>
{
    public async ValueTask<ArticleRegistration> Handle(SubmitArticleUrl command, CancellationToken ct)
    {
        var url = command.Url.Trim();
        var existing = await db.Articles.AsNoTracking().Where(a => a.Url == url).Select(a => a.Id).FirstOrDefaultAsync(ct);
        if (existing != 0) return new ArticleRegistration(await ArticleQueries.GetDetailAsync(db, existing, ct), Created: false);

        var now = clock.GetUtcNow().UtcDateTime;
        var host = UrlRules.HostOf(url)!;
        var article = new Article
        {
            // Until the page is read, the outlet is the site's host; extraction may name it better.
            Outlet = await OutletDirectory.FindOrCreateAsync(db, command.Outlet ?? host, host, actor, now, ct),
            Url = url, Title = url, State = ArticleState.PendingFetch, CreatedAt = now, UpdatedAt = now,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct); // the answer shows the article's id
        afterCommit.Add(() => jobs.FetchArticle(article.Id));
        return new ArticleRegistration(ArticleQueries.ToDetail(article), Created: true);
    }
}
