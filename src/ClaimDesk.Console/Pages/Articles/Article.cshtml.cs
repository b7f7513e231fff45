using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Suggestions;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.WebConsole.Pages.Articles;

/// <summary>
/// An article's text with the sentences worth checking highlighted where they stand (kind, check-worthiness, claimant
/// and the signals that decided them); one click registers a suggestion as a claim.
/// </summary>
public sealed class ArticleModel : ConsolePage
{
    [BindProperty(SupportsGet = true, Name = "id")] public long Id { get; set; }

    public ArticleDetail Article { get; private set; } = null!;
    /// <summary>Null while the suggestion job has not run for this article yet.</summary>
    public IReadOnlyList<ClaimSuggestionView>? Suggestions { get; private set; }
    public IReadOnlyList<ArticleClaim> Claims { get; private set; } = [];
    public IReadOnlyList<TextRun<ClaimSuggestionView>> Runs { get; private set; } = [];

    public override string Title => Article is null ? "Article" : Article.Title;

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    /// <summary>Registers a suggested sentence as a claim, with its span: kind, claimant and score carry over.</summary>
    [Permission(RolePermissions.Register)]
    public Task<IActionResult> OnPostRegisterAsync(int start, int end, string? text)
    {
        long claimId = 0;
        return ChangeAsync(async ct =>
        {
            var claim = await Mediator.Send(new RegisterClaim(Id, text ?? "", new QuoteSpan(start, end), null, null), ct);
            claimId = claim.Id;
            return $"Registered as claim {claim.Id}; the desk is gathering evidence for it.";
        }, then: () => $"/console/claims/{claimId}");
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Article = await Mediator.Send(new GetArticle(Id), ct);
        Claims = await Mediator.Send(new ListArticleClaims(Id), ct);
        if (Article.State is ArticleState.PendingFetch or ArticleState.FetchFailed || Article.Text.Length == 0) return;
        try
        {
            Suggestions = (await Mediator.Send(new GetClaimSuggestions(Id, 0, 1, Paging.MaxPageSize), ct)).Items;
            Runs = TextMarks.Split(Article.Text, Suggestions.Select(s => (s.Start, s.End, s)));
        }
        catch (WorkPendingException)
        {
            Suggestions = null;
            Runs = [new TextRun<ClaimSuggestionView>(0, Article.Text, null)];
        }
    }

    /// <summary>The claim already registered from exactly this sentence, if any.</summary>
    public ArticleClaim? ClaimFrom(ClaimSuggestionView suggestion) =>
        Claims.FirstOrDefault(c => c.QuoteStart == suggestion.Start && c.QuoteEnd == suggestion.End);

    /// <summary>The text with its suggestions marked, as one run of HTML: the text keeps its own line breaks (pre-wrap), so no markup whitespace may creep in.</summary>
    public IHtmlContent Text()
    {
        var html = new HtmlContentBuilder();
        foreach (var run in Runs)
        {
            if (run.Mark is not { } s)
            {
                html.Append(run.Text);
                continue;
            }
            html.AppendHtml($"<mark class=\"{MarkClass(s)}\" id=\"text-s{s.Id}\" data-kind=\"{Display.Camel(s.Kind)}\"><a href=\"#s{s.Id}\">");
            html.Append(run.Text);
            html.AppendHtml("</a></mark>");
        }
        return html;
    }

    public static string MarkClass(ClaimSuggestionView s) =>
        "mark-" + Display.Camel(s.Kind) + (s.CheckWorthiness >= 0.5 ? "" : " weak");
}
