using System.Text.Json;
using ClaimDesk.Analysis;
using ClaimDesk.Analysis.Suggestions;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Suggestions;

public sealed record ClaimSuggestionView(
    long Id, string Text, int Start, int End, double CheckWorthiness, ClaimKind Kind, string? Claimant, IReadOnlyList<SuggestionSignal> Signals);

/// <summary>The sentences of an article worth checking, most check-worthy first. A read of what the suggestion job stored.</summary>
public sealed record GetClaimSuggestions(long ArticleId, double MinCheckWorthiness = 0, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedResult<ClaimSuggestionView>>, IPagedQuery;

public sealed class GetClaimSuggestionsValidator : PagedQueryValidator<GetClaimSuggestions>
{
    public GetClaimSuggestionsValidator() => RuleFor(q => q.MinCheckWorthiness).InclusiveBetween(0, 1);
}

public sealed class GetClaimSuggestionsHandler(ClaimDeskDbContext db) : IQueryHandler<GetClaimSuggestions, PagedResult<ClaimSuggestionView>>
{
    public async ValueTask<PagedResult<ClaimSuggestionView>> Handle(GetClaimSuggestions query, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == query.ArticleId)
            .Select(a => new { a.Id, a.SuggestionsComputedAt }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Article", query.ArticleId);
        if (article.SuggestionsComputedAt is null) throw new WorkPendingException("Suggestions pending",
            $"Suggestions for article {article.Id} are still being computed; retry in a moment.");

        var page = await db.SuggestedClaims.AsNoTracking()
            .Where(s => s.ArticleId == article.Id && s.CheckWorthiness >= query.MinCheckWorthiness)
            .OrderByDescending(s => s.CheckWorthiness).ThenBy(s => s.Start).ThenBy(s => s.Id)
            .ToPageAsync(query, ct);
        return new PagedResult<ClaimSuggestionView>(page.Items.Select(s => new ClaimSuggestionView(s.Id, s.Text, s.Start, s.End, s.CheckWorthiness, s.Kind, s.Claimant,
            JsonSerializer.Deserialize<List<SuggestionSignal>>(s.Signals, SuggestClaimsHandler.Json) ?? [])).ToList(), page.Page, page.PageSize, page.Total);
    }
}
