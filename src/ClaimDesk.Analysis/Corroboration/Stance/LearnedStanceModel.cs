using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// The trained stance model (boosted trees learned with ML.NET on FNC-1, evaluated here without ML.NET): one claim
/// against one whole article. The trees decide the label from features (<see cref="StanceFeatures"/>); the rule
/// detectors' mismatches are among those features and are returned as the reviewer's explanation.
/// English only: for a claim or article in another language it falls back to similarity alone, with the reason.
/// </summary>
public sealed class LearnedStanceModel : IStanceModel
{
    /// <summary>Without the model (another language), an article this close to the claim is reported as mentioning it.</summary>
    public const double SimilarityOnlyMentions = 0.5;

    private const string ResourceName = "ClaimDesk.Analysis.stance-model.json";
    private static readonly Lazy<LearnedStanceModel> ShippedModel = new(() =>
    {
        using var stream = typeof(LearnedStanceModel).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException("The stance model is not embedded in ClaimDesk.Analysis; run the training tool.");
        return Load(stream);
    });

    private readonly StanceModelFile _model;
    // Gathering judges one claim against many articles: its reading is kept as long as the caller keeps the claim.
    private readonly ConditionalWeakTable<StanceClaim, ClaimReading> _claims = new();

    public LearnedStanceModel(StanceModelFile model)
    {
        if (!model.Features.SequenceEqual(StanceFeatures.Names))
            throw new InvalidDataException("The stance model was trained on other features than this library computes; retrain it.");
        _model = model;
    }

    /// <summary>The model that ships inside this library.</summary>
    public static LearnedStanceModel Shipped => ShippedModel.Value;

    /// <summary>A model from a stream the host opened (a file, a blob); the stream is read, not kept.</summary>
    public static LearnedStanceModel Load(Stream stream) => new(StanceModelFile.Read(stream));

    public string Name => _model.Name;

    internal StanceModelFile File => _model;

    public ArticleStance Assess(StanceClaim claim, StanceArticle article)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(article);
        if (!IsEnglish(claim.Language) || !IsEnglish(article.Language))
        {
            var language = IsEnglish(claim.Language) ? article.Language : claim.Language;
            return SimilarityOnly(claim, article, $"language '{language}' is not English: the stance model is English-only, so only similarity was used");
        }
        if (article.Passages.Count == 0)
            return SimilarityOnly(claim, article, "the article has no passages to judge");

        var reading = StanceFeatures.Read(_claims.GetValue(claim, ClaimReading.Of), article);
        var (probabilities, related, stance) = Decide(reading.Features);
        var score = related ? stance switch
        {
            Stance.Supports => probabilities.Supports,
            Stance.Contradicts => probabilities.Contradicts,
            _ => probabilities.Mentions,
        } : probabilities.Unrelated;
        var passages = reading.Top.Select(i => Deciding(article.Passages[i], reading.Cosines[i])).ToList();
        return new ArticleStance(related, related ? stance : null, Math.Round(score, 4), probabilities, passages,
            related ? reading.Discrepancies : [], null);
    }

    /// <summary>The trees' verdict on a feature vector: probabilities of the four outcomes and the label.</summary>
    internal (StanceProbabilities Probabilities, bool Related, Stance Stance) Decide(float[] features) =>
        Decide(RawProbabilities(features), _model.RelatedThreshold, _model.SupportsWeight, _model.ContradictsWeight);

    /// <summary>P(related) and the three stance ensembles' probabilities, before any decision.</summary>
    internal (double Related, double Supports, double Contradicts, double Mentions) RawProbabilities(float[] features) =>
        (_model.Related.Probability(features), _model.Supports.Probability(features),
         _model.Contradicts.Probability(features), _model.Mentions.Probability(features));

    /// <summary>
    /// Related when P(related) reaches the threshold; the stance is the arg-max of the weighted, normalised stance
    /// probabilities (the weights were chosen on the inner split of the training bodies).
    /// </summary>
    internal static (StanceProbabilities Probabilities, bool Related, Stance Stance) Decide(
        (double Related, double Supports, double Contradicts, double Mentions) raw, double relatedThreshold, double supportsWeight, double contradictsWeight)
    {
        var (related, supports, contradicts, mentions) = raw;
        var sum = supports + contradicts + mentions;
        if (sum <= 0) (supports, contradicts, mentions, sum) = (0, 0, 1, 1);
        supports /= sum;
        contradicts /= sum;
        mentions /= sum;

        var stance = Stance.Mentions;
        var best = mentions;
        if (supportsWeight * supports > best) (stance, best) = (Stance.Supports, supportsWeight * supports);
        if (contradictsWeight * contradicts > best) stance = Stance.Contradicts;
        var probabilities = new StanceProbabilities(
            Math.Round(1 - related, 4), Math.Round(related * supports, 4), Math.Round(related * contradicts, 4), Math.Round(related * mentions, 4));
        return (probabilities, related >= relatedThreshold, stance);
    }

    internal static bool IsEnglish(string? language) =>
        string.IsNullOrWhiteSpace(language)
        || language.Equals("en", StringComparison.OrdinalIgnoreCase)
        || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase)
        || language.StartsWith("en_", StringComparison.OrdinalIgnoreCase)
        || language.Equals("eng", StringComparison.OrdinalIgnoreCase)
        || language.Equals("english", StringComparison.OrdinalIgnoreCase);

    /// <summary>No English-trained label: "mentions" when the closest passage (or the title) is close enough, else unrelated.</summary>
    internal static ArticleStance SimilarityOnly(StanceClaim claim, StanceArticle article, string reason)
    {
        var cosines = article.Passages.Select(p => (double)TensorPrimitives.Dot(claim.Vector, p.Vector)).ToArray();
        var top = StanceFeatures.TopIndices(cosines, Math.Min(StanceFeatures.TopPassages, cosines.Length));
        var best = cosines.Length == 0 ? 0 : cosines[top[0]];
        if (article.TitleVector is { } title && title.Length == claim.Vector.Length) best = Math.Max(best, TensorPrimitives.Dot(claim.Vector, title));
        var related = best >= SimilarityOnlyMentions;
        var probabilities = related ? new StanceProbabilities(0, 0, 0, 1) : new StanceProbabilities(1, 0, 0, 0);
        return new ArticleStance(related, related ? Stance.Mentions : null, Math.Round(Math.Clamp(best, 0, 1), 4), probabilities,
            top.Select(i => Deciding(article.Passages[i], cosines[i])).ToList(), [], reason);
    }

    private static DecidingPassage Deciding(StancePassage passage, double similarity) =>
        new(passage.Index, passage.Start, passage.End, Math.Round(similarity, 4));
}
