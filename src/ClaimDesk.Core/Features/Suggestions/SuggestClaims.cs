using System.Text.Json;
using ClaimDesk.Analysis.Suggestions;
using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Suggestions;

/// <summary>Job: finds the check-worthy sentences of an article and stores them. Safe to run twice (it replaces them).</summary>
public sealed record SuggestClaims(long ArticleId) : ICommand<int>, IAtomicCommand;

public sealed class SuggestClaimsHandler(ClaimDeskDbContext db, TimeProvider clock) : ICommandHandler<SuggestClaims, int>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<int> Handle(SuggestClaims command, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == command.ArticleId, ct);
        if (article is null || article.State is ArticleState.PendingFetch or ArticleState.FetchFailed) return 0;

        await db.SuggestedClaims.Where(s => s.ArticleId == article.Id).ExecuteDeleteAsync(ct);
        var suggestions = ClaimSuggester.Suggest(article.Text);
        db.SuggestedClaims.AddRange(suggestions.Select(s => new SuggestedClaim
        {
            ArticleId = article.Id, Start = s.Start, End = s.End, Text = s.Text, CheckWorthiness = Math.Round(s.CheckWorthiness, 4),
            Kind = s.Kind, Claimant = s.Claimant, Signals = JsonSerializer.Serialize(s.Signals, Json),
        }));
        article.SuggestionsComputedAt = clock.GetUtcNow().UtcDateTime;
        return suggestions.Count;
    }
}
