using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Search;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>An article the stance model judged for a claim, with its passage ids by index (to store which passages decided it).</summary>
public sealed record JudgedArticle(long ArticleId, ArticleStance Stance, IReadOnlyDictionary<int, long> PassageIds)
{
    /// <summary>How sure the model is that the article is about the claim at all: what "most related" means for the cap.</summary>
    public double Relatedness => 1 - Stance.Probabilities.Unrelated;
}

/// <summary>
/// Judges whole articles for a claim with the stance model, from this node's index (no database read): the model, not a
/// fixed number of passages, decides which articles are related. Shared by gathering and matching, so both give an
/// article the same judgement.
/// </summary>
public sealed class ArticleJudge(IStanceModel model, PassageIndexCache index)
{
    public string ModelName => model.Name;

    /// <summary>The claim as the model reads it: its text, vector, the date of its article (for relative dates) and its language.</summary>
    public static StanceClaim ClaimOf(Claim claim, float[] vector) =>
        new(claim.Text, vector, claim.Article.PublishedAt, claim.Article.Language);

    /// <summary>Every article given, judged (related or not); articles this node has not loaded are skipped.</summary>
    public List<JudgedArticle> Judge(StanceClaim claim, IEnumerable<long> articleIds)
    {
        var judged = new List<JudgedArticle>();
        foreach (var articleId in articleIds)
        {
            if (index.ArticleFor(articleId) is not { } article) continue;
            judged.Add(new JudgedArticle(articleId, model.Assess(claim, article), index.PassageIdsOf(articleId)));
        }
        return judged;
    }

    /// <summary>The related ones, most related first (then by score, then oldest article first, so the order is stable).</summary>
    public static List<JudgedArticle> Related(IEnumerable<JudgedArticle> judged) =>
        judged.Where(j => j.Stance.Related)
            .OrderByDescending(j => j.Relatedness).ThenByDescending(j => j.Stance.Score).ThenBy(j => j.ArticleId)
            .ToList();
}
