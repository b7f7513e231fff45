using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Evidence;
using ClaimDesk.WebConsole.Infrastructure;

namespace ClaimDesk.WebConsole.Pages.Claims;

/// <summary>A passage that decided an evidence, cut so the discrepancies' passage values can be highlighted in place.</summary>
public sealed record DecidingPassage(int Start, int End, IReadOnlyList<TextRun<Discrepancy>> Runs);

/// <summary>One evidence a reviewer accepts or rejects, with the passages that decided it.</summary>
public sealed record EvidenceItem(
    long EvidenceId, Stance Stance, double Score, EvidenceReviewState ReviewState, string? ReviewNote, string? ReviewedBy,
    DateTime CreatedAt, bool NewSinceVerdict, IReadOnlyList<Discrepancy> Discrepancies, IReadOnlyList<DecidingPassage> Passages);

/// <summary>Everything one related article (or one external source) says about the claim.</summary>
public sealed record EvidenceGroup(
    string Anchor, EvidenceArticle? Article, string? ExternalUrl, Stance Stance, double Score, bool Independent, string? DependenceReason,
    IReadOnlyList<EvidenceItem> Items)
{
    public bool NewSinceVerdict => Items.Any(i => i.NewSinceVerdict);
}

/// <summary>
/// The claim page's evidence, grouped by related article, best first. The desk stores one evidence item per related
/// article (with the passages that decided it) and one per cited source, so each group holds one item; grouping stays so
/// that the page does not depend on that.
/// </summary>
public static class EvidenceGroups
{
    public static IReadOnlyList<EvidenceGroup> From(IReadOnlyList<EvidenceView> evidence, DateTime? decidedAt)
    {
        // The handler answers best first; a group keeps the place of its best item.
        return evidence
            .Select((e, order) => (Evidence: e, Order: order))
            .GroupBy(x => x.Evidence.Article is { } article ? $"article-{article.Id}" : $"source-{x.Evidence.Id}")
            .OrderBy(g => g.Min(x => x.Order))
            .Select(g =>
            {
                var items = g.OrderBy(x => x.Order).Select(x => Item(x.Evidence, decidedAt)).ToList();
                var first = g.First().Evidence;
                return new EvidenceGroup(g.Key, first.Article, first.ExternalUrl, Strongest(items.Select(i => i.Stance)),
                    items.Max(i => i.Score), first.Independent, first.DependenceReason, items);
            })
            .ToList();
    }

    /// <summary>What an article does to the claim overall: a contradiction outweighs support, support outweighs a mention.</summary>
    private static Stance Strongest(IEnumerable<Stance> stances)
    {
        var all = stances.ToList();
        return all.Contains(Stance.Contradicts) ? Stance.Contradicts : all.Contains(Stance.Supports) ? Stance.Supports : Stance.Mentions;
    }

    private static EvidenceItem Item(EvidenceView e, DateTime? decidedAt)
    {
        var passages = e.Passages
            .Select(p => new DecidingPassage(p.Start, p.End, TextMarks.Split(p.Text, Locate(p.Text, e.Discrepancies))))
            .ToList();
        return new EvidenceItem(e.Id, e.Stance, e.Score, e.ReviewState, e.ReviewNote, e.ReviewedBy, e.CreatedAt,
            decidedAt is { } decided && e.CreatedAt > decided, e.Discrepancies, passages);
    }

    /// <summary>Where each discrepancy's passage value stands in the passage (first occurrence, any case).</summary>
    private static IEnumerable<(int Start, int End, Discrepancy Mark)> Locate(string passage, IReadOnlyList<Discrepancy> discrepancies)
    {
        foreach (var d in discrepancies)
        {
            if (string.IsNullOrWhiteSpace(d.PassageValue)) continue;
            var at = passage.IndexOf(d.PassageValue, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) yield return (at, at + d.PassageValue.Length, d);
        }
    }
}
