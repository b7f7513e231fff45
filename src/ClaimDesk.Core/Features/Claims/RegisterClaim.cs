using ClaimDesk.Analysis;
using ClaimDesk.Analysis.Suggestions;
using ClaimDesk.Analysis.Text;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Features.Articles;
using ClaimDesk.Core.Infrastructure.Claims;
using ClaimDesk.Core.Infrastructure.Events;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>
/// A reviewer registers a claim an article makes. Kind, claimant and check-worthiness come from the text analysis of
/// the quoted span (or the claim text) unless the reviewer says otherwise; corroboration starts by itself.
/// </summary>
public sealed record RegisterClaim(long ArticleId, string Text, QuoteSpan? Quote, string? Claimant, ClaimKind? Kind)
    : ICommand<ClaimView>, ICommitsItself;

public sealed class RegisterClaimValidator : AbstractValidator<RegisterClaim>
{
    public RegisterClaimValidator()
    {
        RuleFor(c => c.ArticleId).GreaterThan(0);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(2000).ProseText();
        RuleFor(c => c.Claimant).MaximumLength(200).LabelText();
        RuleFor(c => c.Kind).IsInEnum();
        When(c => c.Quote is not null, () =>
        {
            RuleFor(c => c.Quote!.Start).GreaterThanOrEqualTo(0).OverridePropertyName("quote.start");
            RuleFor(c => c.Quote!.End).GreaterThan(c => c.Quote!.Start).OverridePropertyName("quote.end")
                .WithMessage("'quote.end' must be greater than 'quote.start'.");
        });
    }
}

/// <summary>
/// Checks the claim against its article (from <see cref="ClaimSourceCache"/>), assesses it, and hands it to the
/// <see cref="ClaimRegistrationWriter"/>, which commits it with its audit event (and, for a request with an
/// Idempotency-Key, its answer) and queues its corroboration.
/// </summary>
public sealed class RegisterClaimHandler(
    Lazy<ClaimDeskDbContext> db, TimeProvider clock, ICurrentActor actor, ClaimSourceCache sources, ClaimRegistrationWriter writer,
    IdempotentRequest idempotent, IAfterCommit afterCommit, CorroborationRequests corroboration)
    : ICommandHandler<RegisterClaim, ClaimView>
{
    public async ValueTask<ClaimView> Handle(RegisterClaim command, CancellationToken ct)
    {
        // Inside a caller's transaction (a bulk import's chunk) the claim is written with it, so it commits or rolls back
        // with the rest; the group writer commits on a connection of its own and could not.
        var enclosing = db.IsValueCreated && db.Value.Database.CurrentTransaction is not null;
        var article = await sources.GetAsync(db, command.ArticleId, remember: !enclosing)
            ?? throw new NotFoundException("Article", command.ArticleId);
        if (!article.HasText)
            throw new ConflictException("Article has no text", $"Article {article.ArticleId} has no text yet ({article.State.Public()}); claims need the text they come from.");

        var span = ResolveSpan(command, article.Text);
        var assessment = await AssessAsync(article, span, command.Text, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var claim = new Claim
        {
            ArticleId = article.ArticleId,
            Text = command.Text.Trim(),
            QuoteStart = span?.Start,
            QuoteEnd = span?.End,
            Claimant = string.IsNullOrWhiteSpace(command.Claimant) ? assessment.Claimant : command.Claimant.Trim(),
            Kind = command.Kind ?? (command.Claimant is not null ? ClaimKind.Attributed : assessment.Kind),
            CheckWorthiness = Math.Round(assessment.CheckWorthiness, 4),
            Status = ClaimStatus.Registered,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = actor.Name,
            Version = 1,
        };
        var registered = new ClaimRegistered(new RegisteredClaim(claim.Text, claim.Kind, claim.Claimant,
            span is { } quoted ? new QuotedSpan(quoted.Start, quoted.End) : null, claim.Status)); // the span found, asked for or not
        var outlet = new OutletRef(article.OutletId, article.OutletName);
        if (enclosing) return View(await WriteInEnclosingTransactionAsync(claim, registered, ct), outlet);
        var answer = idempotent.AwaitsAnswer<ClaimView>() ? new DueAnswer(idempotent, saved => View(saved, outlet)) : null;
        // The event is made (its payload serialised) here, in parallel across requests, rather than on the writer's single
        // thread; a new claim's first event is its first.
        var entry = ClaimEventLog.EventFor(0, actor.Name, claim.CreatedAt, registered, sequence: 1);
        return View(await writer.WriteAsync(claim, entry, answer), outlet);
    }

    /// <summary>A claim just registered: no evidence yet.</summary>
    private static ClaimView View(Claim saved, OutletRef outlet) =>
        ClaimQueries.ToView(saved, outlet, new EvidenceSummary(0, 0, 0, 0, 0, 0, 0));

    private async Task<Claim> WriteInEnclosingTransactionAsync(Claim claim, ClaimRegistered registered, CancellationToken ct)
    {
        db.Value.Claims.Add(claim);
        ClaimAudit.Record(db.Value, claim, actor, claim.CreatedAt, registered);
        await db.Value.SaveChangesAsync(ct);
        afterCommit.Add(() => corroboration.Add([claim.Id]));
        return claim;
    }

    /// <summary>
    /// A claim registered from a suggestion carries the suggestion's kind, claimant and score over; any other span is
    /// assessed in its article's context, and a claim with no span on its own words.
    /// </summary>
    private async Task<ClaimSuggestion> AssessAsync(ClaimSource article, TextSpan? span, string claimText, CancellationToken ct)
    {
        if (span is not { } quote) return ClaimSuggester.Assess(claimText, new TextSpan(0, claimText.Length));
        var stored = await db.Value.SuggestedClaims.AsNoTracking()
            .FirstOrDefaultAsync(s => s.ArticleId == article.ArticleId && s.Start == quote.Start && s.End == quote.End, ct);
        return stored is not null
            ? new ClaimSuggestion(stored.Text, stored.Start, stored.End, stored.CheckWorthiness, stored.Kind, stored.Claimant, [])
            : ClaimSuggester.Assess(article.Text, quote);
    }

    /// <summary>The quote span must lie inside the article; without one, the claim text is looked up verbatim.</summary>
    private static TextSpan? ResolveSpan(RegisterClaim command, string articleText)
    {
        if (command.Quote is { } quote)
        {
            if (quote.End > articleText.Length)
                throw new FieldValidationException("quote.end",
                    $"The quote must lie inside the article's text (0..{articleText.Length}); it ends at {quote.End}.");
            // A span that cuts a character in two (half an emoji, a letter without its accent) cannot be shown or quoted.
            if (!TextElements.IsBoundary(articleText, quote.Start)) throw SplitsCharacter("quote.start", quote.Start);
            if (!TextElements.IsBoundary(articleText, quote.End)) throw SplitsCharacter("quote.end", quote.End);
            return new TextSpan(quote.Start, quote.End);
        }
        var text = command.Text.Trim();
        var at = articleText.IndexOf(text, StringComparison.OrdinalIgnoreCase);
        // An ordinal match can end inside a character ("cafe" in "cafe\u0301"): that is not the claim's text.
        return at >= 0 && TextElements.IsBoundary(articleText, at) && TextElements.IsBoundary(articleText, at + text.Length)
            ? new TextSpan(at, at + text.Length)
            : null;
    }

    private static FieldValidationException SplitsCharacter(string field, int offset) => new(field,
        $"'{field}' ({offset}) falls inside a character (between the halves of a surrogate pair, or between a letter and its combining marks); move it to a character boundary.");
}
