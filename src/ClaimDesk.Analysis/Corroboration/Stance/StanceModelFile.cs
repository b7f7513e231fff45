using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimDesk.Analysis.Corroboration;

/// <summary>
/// A boosted tree ensemble exported from ML.NET (FastTree): a node goes left when its feature is at most the threshold;
/// a negative child is the complement of a leaf index. The raw score (weighted leaf sum plus bias) becomes a probability
/// through the Platt calibrator ML.NET fitted: p = 1 / (1 + exp(slope · score + offset)).
/// </summary>
public sealed class TreeEnsembleFile
{
    public required double Bias { get; init; }
    public required double PlattSlope { get; init; }
    public required double PlattOffset { get; init; }
    public required List<TreeFile> Trees { get; init; }

    public double Probability(ReadOnlySpan<float> features)
    {
        var score = Bias;
        foreach (var tree in Trees) score += tree.Weight * tree.Leaf(features);
        return 1.0 / (1.0 + Math.Exp(PlattSlope * score + PlattOffset));
    }
}

public sealed class TreeFile
{
    public double Weight { get; init; } = 1;
    public required int[] Left { get; init; }
    public required int[] Right { get; init; }
    public required int[] Feature { get; init; }
    public required float[] Threshold { get; init; }
    public required double[] Leaves { get; init; }

    public double Leaf(ReadOnlySpan<float> features)
    {
        if (Feature.Length == 0) return Leaves[0];
        var node = 0;
        while (node >= 0) node = features[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return Leaves[~node];
    }
}

/// <summary>
/// The shipped stance model: which features it reads (by name, so a feature change without retraining is caught at
/// load), a related-vs-unrelated ensemble, one ensemble per stance among related articles, and the decision
/// thresholds chosen on the inner split of the training bodies. Also records how it was trained and what it scored.
/// </summary>
public sealed class StanceModelFile
{
    public required string Name { get; init; }
    public required string[] Features { get; init; }
    public required TreeEnsembleFile Related { get; init; }
    public required TreeEnsembleFile Supports { get; init; }
    public required TreeEnsembleFile Contradicts { get; init; }
    public required TreeEnsembleFile Mentions { get; init; }
    /// <summary>P(related) at or above which the article is related.</summary>
    public required double RelatedThreshold { get; init; }
    /// <summary>Weights on the stance probabilities before the arg-max (mentions is 1).</summary>
    public required double SupportsWeight { get; init; }
    public required double ContradictsWeight { get; init; }
    public Dictionary<string, string> Training { get; init; } = [];

    public static StanceModelFile Read(Stream stream) =>
        JsonSerializer.Deserialize(stream, StanceModelJson.Default.StanceModelFile) ?? throw new InvalidDataException("The stance model file is empty.");

    public void Write(Stream stream) => JsonSerializer.Serialize(stream, this, StanceModelJson.Default.StanceModelFile);
}

/// <summary>Source-generated, so loading works where reflection-based JSON is off (trimmed or AOT hosts).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StanceModelFile))]
internal sealed partial class StanceModelJson : JsonSerializerContext;
