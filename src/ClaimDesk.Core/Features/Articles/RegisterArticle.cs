using ClaimDesk.Analysis.Text;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Outlets;
using ClaimDesk.Core.Jobs;
using ClaimDesk.Core.Behaviors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Articles;

/// <summary>A desk member or a tool posts an article's text; it is split into passages and queued for indexing.</summary>
public sealed record RegisterArticle(
    string Title, string Text, string Outlet, string? Url, DateOnly? PublishedAt, string? Language)
    : ICommand<ArticleRegistration>, ISavesItself;

public sealed class RegisterArticleValidator : AbstractValidator<RegisterArticle>
{
    public const int MaxTextLength = 500_000;

    public RegisterArticleValidator()
    {
        RuleFor(a => a.Title).NotEmpty().MaximumLength(500).LabelText();
        RuleFor(a => a.Text).NotEmpty().MaximumLength(MaxTextLength).SourceText();
        RuleFor(a => a.Outlet).NotEmpty().MaximumLength(200).LabelText();
        RuleFor(a => a.Url!).Must(UrlRules.IsHttpUrl).When(a => a.Url is not null)
            .WithMessage("'Url' must be an absolute http or https URL.").MaximumLength(2048);
        RuleFor(a => a.Language!).Matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$").When(a => a.Language is not null)
            .WithMessage("'Language' must be a language tag such as 'en' or 'en-GB'.");
        RuleFor(a => a.PublishedAt).Must(d => d is null || (d.Value.Year >= 1900 && d.Value.Year <= 2200))
            .WithMessage("'Published At' must be a real date.");
    }
}

public sealed class RegisterArticleHandler(ClaimDeskDbContext db, TimeProvider clock, IAfterCommit afterCommit, IJobScheduler jobs, ICurrentActor actor)
    : ICommandHandler<RegisterArticle, ArticleRegistration>
{
    /// <summary>The problem-details extension naming the article already registered at a URL.</summary>
    public const string ExistingArticle = "existingArticleId";

    public async ValueTask<ArticleRegistration> Handle(RegisterArticle command, CancellationToken ct)
    {
        var hash = ContentHash.Of(command.Text);
        var existing = await db.Articles.AsNoTracking().Where(a => a.ContentHash == hash).Select(a => a.Id).FirstOrDefaultAsync(ct);
        if (existing != 0)
            return new ArticleRegistration(await ArticleQueries.GetDetailAsync(db, existing, ct), Created: false);

        var url = command.Url?.Trim();
        if (url is not null && await db.Articles.Where(a => a.Url == url).Select(a => a.Id).FirstOrDefaultAsync(ct) is var atUrl and not 0)
            throw new ConflictException("Duplicate URL", $"Another article with different text is already registered at {url}.",
                new Dictionary<string, object?> { [ExistingArticle] = atUrl });

        var now = clock.GetUtcNow().UtcDateTime;
        var outlet = await OutletDirectory.FindOrCreateAsync(db, command.Outlet, UrlRules.HostOf(url), actor, now, ct);
        var article = new Article
        {
            Outlet = outlet,
            Url = url,
            Title = command.Title.Trim(),
            PublishedAt = command.PublishedAt,
            Language = command.Language ?? "en",
            Text = command.Text,
            ContentHash = hash,
            State = ArticleState.Registered,
            CreatedAt = now,
            UpdatedAt = now,
        };
        article.Passages = PassageSplitter.Split(command.Text)
            .Select(p => new Passage { Index = p.Index, Paragraph = p.Paragraph, Start = p.Start, End = p.End, Text = p.Slice(command.Text) })
            .ToList();
        db.Articles.Add(article);
        // Saved here: the answer and the jobs need the article's id, and inside a bulk import's chunk, which the commit
        // behavior passes through, this save is what writes the article into the chunk's transaction.
        await db.SaveChangesAsync(ct);

        var articleId = article.Id;
        afterCommit.Add(() =>
        {
            jobs.SuggestClaims(articleId);
            jobs.IndexArticle(articleId);
        });
        return new ArticleRegistration(ArticleQueries.ToDetail(article), Created: true);
    }
}
