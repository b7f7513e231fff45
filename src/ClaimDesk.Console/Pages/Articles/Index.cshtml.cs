using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Articles;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.WebConsole.Pages.Articles;

/// <summary>The articles the desk holds, newest first, with their fetch state; a reviewer adds one by URL or by its text.</summary>
public sealed class IndexModel : ConsolePage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? TextFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "outlet")] public string? OutletFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedResult<ArticleSummary> Articles { get; private set; } = null!;

    public override string Title => "Articles";

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    [Permission(RolePermissions.Register)]
    public Task<IActionResult> OnPostUrlAsync(string? url) => ChangeAsync(async ct =>
    {
        var submitted = await Mediator.Send(new SubmitArticleUrl(url?.Trim() ?? ""), ct);
        _registered = submitted.Article.Id;
        return submitted.Created ? "The article will be fetched in the background." : "The desk already holds this URL.";
    }, then: () => $"/console/articles/{_registered}");

    [Permission(RolePermissions.Register)]
    public Task<IActionResult> OnPostTextAsync(string? title, string? outlet, string? text, DateOnly? publishedAt) => ChangeAsync(async ct =>
    {
        var registered = await Mediator.Send(new RegisterArticle(title?.Trim() ?? "", text ?? "", outlet?.Trim() ?? "", null, publishedAt, null), ct);
        _registered = registered.Article.Id;
        return registered.Created ? "Article registered; its claim suggestions are on the way." : "The desk already holds this text.";
    }, then: () => $"/console/articles/{_registered}");

    private long _registered;

    protected override async Task LoadAsync(CancellationToken ct) =>
        Articles = await Mediator.Send(new ListArticles(Trimmed(OutletFilter), Trimmed(TextFilter), Math.Clamp(PageNumber, 1, 100_000)), ct);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(200, value.Trim().Length)];

    public string PageLink(int page) =>
        $"/console/articles?q={Uri.EscapeDataString(TextFilter ?? "")}&outlet={Uri.EscapeDataString(OutletFilter ?? "")}&p={page}";
}
