using ClaimDesk.Api.Contract;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Articles;
using ClaimDesk.Core.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClaimDesk.Api.Endpoints;

/// <summary>An article: title, text and outlet; or a url alone, to have the page fetched.</summary>
public sealed record RegisterArticleRequest(string? Title = null, string? Text = null, string? Outlet = null, string? Url = null,
    DateOnly? PublishedAt = null, string? Language = null) : IRequestBody<RegisterArticleRequest>
{
    public static RegisterArticleRequest Example => new("Council approves the new harbour budget",
        "The city council approved a 12 million euro budget for the harbour on Tuesday, its chair said.", "Harbour Gazette",
        PublishedAt: new DateOnly(2025, 3, 5), Language: "en");
}

public static class ArticleEndpoints
{
    public static RouteGroupBuilder MapArticleEndpoints(this RouteGroupBuilder api)
    {
        var articles = api.MapGroup("/articles").WithTags("Articles");

        articles.MapPost("/", async Task<Results<Created<ArticleDetail>, Ok<ArticleDetail>, Accepted<ArticleDetail>>> (RegisterArticleRequest body,
                IMediator mediator, HttpContext http, CancellationToken ct) =>
                body is { Url: not null, Text: null, Title: null, Outlet: null }
                    // { url } alone: fetched and extracted by a job.
                    ? await mediator.AnswerAsync(http, new SubmitArticleUrl(body.Url), Submitted, ct)
                    : await mediator.AnswerAsync(http, new RegisterArticle(body.Title!, body.Text!, body.Outlet!, body.Url, body.PublishedAt, body.Language),
                        Registered, ct))
            .RequireAuthorization(RolePermissions.Register)
            .WithName("RegisterArticle")
            .WithSummary("Register an article")
            .WithDescription("title, text and outlet are required together; url, publishedAt and language are optional. Stores the text, splits it " +
                             "into passages and queues it for indexing. The same text again answers 200 with the article already held. " +
                             "{ url } alone answers 202: a job fetches the page (loopback, private and metadata addresses are refused) and extracts the article.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        articles.MapGet("/", async (string? outlet, string? q, int? page, int? pageSize, DateTimeOffset? updatedSince, long? afterId,
                    IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListArticles(outlet, q, page ?? 1, pageSize ?? Paging.DefaultPageSize,
                    updatedSince?.UtcDateTime, afterId), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListArticles")
            .WithSummary("List articles, newest first (paged; filter by outlet and text)")
            .WithDescription("Sync: updatedSince=<instant> lists the articles changed at or after it (registered, fetched, indexed), oldest change " +
                             "first (updatedAt, then id); to page on, ask again with updatedSince = the last item's updatedAt and afterId = its id.")
            .ProducesValidationProblem();

        articles.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetArticle(id), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetArticle")
            .WithSummary("One article with its text and passages")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static Results<Created<ArticleDetail>, Ok<ArticleDetail>, Accepted<ArticleDetail>> Submitted(ArticleRegistration submitted) =>
        submitted.Created
            // Relative, like every Location: an absolute one would be built from the request's Host header, which the client controls.
            ? TypedResults.Accepted($"/api/v1/articles/{submitted.Article.Id}", submitted.Article)
            : TypedResults.Ok(submitted.Article);

    private static Results<Created<ArticleDetail>, Ok<ArticleDetail>, Accepted<ArticleDetail>> Registered(ArticleRegistration registered) =>
        registered.Created
            ? TypedResults.Created($"/api/v1/articles/{registered.Article.Id}", registered.Article)
            : TypedResults.Ok(registered.Article);
}
