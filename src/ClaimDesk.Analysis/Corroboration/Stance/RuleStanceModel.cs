using System.Numerics.Tensors;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// The hand-ordered rules (<see cref="StanceClassifier"/>) behind the same interface, as the baseline the trained model is
/// compared with: the article's stance is the rule label of its passage closest to the claim; an article whose closest
/// passage only "mentions" the claim below <see cref="MentionSimilarity"/> is unrelated (the cut gathering applies).
/// </summary>
public sealed class RuleStanceModel : IStanceModel
{
    /// <summary>The similarity below which gathering drops a mention as noise.</summary>
    public const double MentionSimilarity = 0.45;

    public string Name => "rules";

    public ArticleStance Assess(StanceClaim claim, StanceArticle article)
    {
        if (article.Passages.Count == 0)
            return new ArticleStance(false, null, 0, new StanceProbabilities(1, 0, 0, 0), [], [], "the article has no passages to judge");
        var bestIndex = 0;
        var best = double.MinValue;
        for (var i = 0; i < article.Passages.Count; i++)
        {
            var cosine = TensorPrimitives.Dot(claim.Vector, article.Passages[i].Vector);
            if (cosine > best) (best, bestIndex) = (cosine, i);
        }
        var passage = article.Passages[bestIndex];
        var assessment = StanceClassifier.Classify(claim.Text, claim.ContextDate, passage.Text, article.PublishedAt, best);
        var related = assessment.Stance != Stance.Mentions || best >= MentionSimilarity;
        var probabilities = !related ? new StanceProbabilities(1, 0, 0, 0) : assessment.Stance switch
        {
            Stance.Supports => new StanceProbabilities(0, 1, 0, 0),
            Stance.Contradicts => new StanceProbabilities(0, 0, 1, 0),
            _ => new StanceProbabilities(0, 0, 0, 1),
        };
        return new ArticleStance(related, related ? assessment.Stance : null, related ? assessment.Score : 0, probabilities,
            [new DecidingPassage(passage.Index, passage.Start, passage.End, Math.Round(best, 4))], assessment.Discrepancies, null);
    }
}
