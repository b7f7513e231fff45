using ClaimDesk.Core.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Corroboration;
using ClaimDesk.Core.Features.Evidence;
using ClaimDesk.Core.Features.Review;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.WebConsole.Pages.Claims;

/// <summary>
/// One claim at work: its sentence, its evidence by article, the moves this person may make now, assignment, comments,
/// the audit history and the ClaimReview. Every change carries the version the page was rendered with (the API's
/// If-Match); when the claim changed meanwhile, the page says so and shows what changed instead of overwriting it.
/// </summary>
public sealed class ClaimModel : ConsolePage
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty(SupportsGet = true, Name = "id")] public long Id { get; set; }

    // Posted with every change: the claim version and the last audit event the page showed.
    [BindProperty] public int Version { get; set; }
    [BindProperty] public long Seen { get; set; }
    // Kept when a move is refused, so nothing typed is lost.
    [BindProperty] public string? Rationale { get; set; }
    [BindProperty] public string? SourceUrl { get; set; }
    [BindProperty] public long? DuplicateOf { get; set; }

    public ClaimView Claim { get; private set; } = null!;
    public ArticleDetail Article { get; private set; } = null!;
    public IReadOnlyList<EvidenceGroup> Evidence { get; private set; } = [];
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public IReadOnlyList<MoveOption> Moves { get; private set; } = [];
    public string? ClaimReviewJson { get; private set; }
    /// <summary>After a 412: what others did since this person opened the page.</summary>
    public IReadOnlyList<HistoryEntry> ChangesSinceOpened { get; private set; } = [];
    public long LastEventId => History.Count == 0 ? 0 : History[^1].Event.Id;

    public override string Title => Claim is null ? "Claim" : $"Claim {Claim.Id}";

    public bool IsMine => Claim.Assignee is { } who && who == Me.Name;
    public bool MayAssignOthers => Me.Role is Role.Editor or Role.Admin;
    public bool MayJudge => Me.May(RolePermissions.Review) && Claim.Status.IsOpen();

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    /// <summary>The ClaimReview as a file (the same JSON-LD the API publishes).</summary>
    public async Task<IActionResult> OnGetClaimReviewAsync()
    {
        var review = await Mediator.Send(new GetClaimReview(Id), Aborted);
        return File(System.Text.Encoding.UTF8.GetBytes(review.ToJsonString(Pretty)), "application/ld+json", $"claimreview-{Id}.json");
    }

    [Permission(RolePermissions.Review)]
    public Task<IActionResult> OnPostMoveAsync(string? to) => ChangeAsync(async ct =>
    {
        if (!Enum.TryParse<ClaimStatus>(to, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            throw new Core.Common.FieldValidationException("to", "Choose one of the moves offered.");
        var claim = await Mediator.Send(new TransitionClaim(Id, status, Blank(Rationale), Blank(SourceUrl),
            status == ClaimStatus.Duplicate ? DuplicateOf : null, Version), ct);
        return $"Claim {Id} is now {Display.Words(claim.Status)}.";
    });

    [Permission(RolePermissions.Assign)]
    public Task<IActionResult> OnPostAssignAsync(string? assignee) => ChangeAsync(async ct =>
    {
        var claim = await Mediator.Send(new AssignClaim(Id, Blank(assignee), Version), ct);
        return claim.Assignee is { } who ? $"Claim {Id} is assigned to {who}." : $"Claim {Id} is unassigned.";
    });

    [Permission(RolePermissions.Assign)]
    public Task<IActionResult> OnPostTakeAsync() => OnPostAssignAsync(Me.Name);

    [Permission(RolePermissions.Assign)]
    public Task<IActionResult> OnPostDropAsync() => OnPostAssignAsync(null);

    [Permission(RolePermissions.Review)]
    public Task<IActionResult> OnPostDecideAsync(long evidenceId, string? decision, string? note) => ChangeAsync(async ct =>
    {
        if (!Enum.TryParse<EvidenceDecision>(decision, ignoreCase: true, out var choice) || !Enum.IsDefined(choice))
            throw new Core.Common.FieldValidationException("decision", "Accept or reject.");
        await Mediator.Send(new DecideEvidence(Id, evidenceId, choice, Blank(note), Version), ct);
        return choice == EvidenceDecision.Accept ? $"Evidence {evidenceId} accepted." : $"Evidence {evidenceId} rejected.";
    });

    [Permission(RolePermissions.Review)]
    public Task<IActionResult> OnPostCiteAsync(string? url, string? stance, string? note) => ChangeAsync(async ct =>
    {
        if (!Enum.TryParse<Stance>(stance, ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
            throw new Core.Common.FieldValidationException("stance", "Say whether the source supports, contradicts or mentions the claim.");
        await Mediator.Send(new AddExternalEvidence(Id, url?.Trim() ?? "", chosen, Blank(note), Version), ct);
        return "The source is cited as evidence.";
    });

    [Permission(RolePermissions.Comment)]
    public Task<IActionResult> OnPostCommentAsync(string? text) => ChangeAsync(async ct =>
    {
        await Mediator.Send(new CommentOnClaim(Id, text ?? ""), ct);
        return "Comment added.";
    });

    [Permission(RolePermissions.Corroborate)]
    public Task<IActionResult> OnPostCorroborateAsync() => ChangeAsync(async ct =>
    {
        await Mediator.Send(new RequestCorroboration(Id), ct);
        return "The desk is gathering evidence again.";
    });

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Claim = await Mediator.Send(new GetClaim(Id), ct);
        Article = await Mediator.Send(new GetArticle(Claim.ArticleId), ct);
        Evidence = EvidenceGroups.From((await Mediator.Send(new GetClaimEvidence(Id, 1, Paging.MaxPageSize), ct)).Items, Claim.DecidedAt);
        History = (await Mediator.Send(new GetClaimHistory(Id, 1, Paging.MaxPageSize), ct)).Items.Select(HistoryEntry.Of).ToList();
        Comments = (await Mediator.Send(new ListComments(Id, 1, Paging.MaxPageSize), ct)).Items;
        Moves = await Mediator.Send(new GetClaimMoves(Id), ct);
        if (Claim.Verdict is not null)
            ClaimReviewJson = (await Mediator.Send(new GetClaimReview(Id), ct)).ToJsonString(Pretty);
        if (Stale) ChangesSinceOpened = History.Where(h => h.Event.Id > Seen).ToList();
    }

    /// <summary>The paragraph the claim was quoted from, with the quote marked; null when it has no quote span.</summary>
    public IHtmlContent? Sentence()
    {
        if (Claim.Quote is not { } quote || quote.End > Article.Text.Length) return null;
        var around = Article.Passages.Where(p => p.End > quote.Start && p.Start < quote.End).ToList();
        if (around.Count == 0) return null;
        var paragraph = around[0].Paragraph;
        var inParagraph = Article.Passages.Where(p => p.Paragraph == paragraph).ToList();
        var start = Math.Min(quote.Start, inParagraph.Min(p => p.Start));
        var end = Math.Max(quote.End, inParagraph.Max(p => p.End));
        var html = new HtmlContentBuilder();
        html.Append(Article.Text[start..quote.Start]);
        html.AppendHtml("<mark class=\"mark-quote\">");
        html.Append(Article.Text[quote.Start..quote.End]);
        html.AppendHtml("</mark>");
        html.Append(Article.Text[quote.End..end]);
        return html;
    }

    /// <summary>A deciding passage with each discrepancy's passage value marked.</summary>
    public static IHtmlContent Passage(DecidingPassage passage)
    {
        var html = new HtmlContentBuilder();
        foreach (var run in passage.Runs)
        {
            if (run.Mark is { } d)
            {
                html.AppendHtml($"<mark class=\"mark-discrepancy\" title=\"{HtmlEncoder.Default.Encode(Display.Words(d.Kind))}\">");
                html.Append(run.Text);
                html.AppendHtml("</mark>");
            }
            else
            {
                html.Append(run.Text);
            }
        }
        return html;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
