using ClaimDesk.Analysis.Corroboration;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ClaimDesk.Training;

/// <summary>Hyper-parameters of one boosted-tree ensemble.</summary>
public sealed record TreeOptions(int Trees, int Leaves, int MinimumPerLeaf, double LearningRate)
{
    public override string ToString() => $"{Trees} trees, {Leaves} leaves, ≥{MinimumPerLeaf} per leaf, rate {LearningRate}";
}

/// <summary>
/// Trains binary FastTree ensembles with ML.NET (single-threaded, seeded: the same data gives the same trees) and exports
/// them to the plain form ClaimDesk.Analysis evaluates, checking on the way that both give the same probabilities.
/// </summary>
public sealed class TreeTrainer(int seed)
{
    private sealed class Row
    {
        public bool Label { get; set; }
        public float Weight { get; set; }
        public float[] Features { get; set; } = [];
    }

    private sealed class Output
    {
        public float Probability { get; set; }
    }

    public double LargestExportDifference { get; private set; }

    public TreeEnsembleFile Train(IReadOnlyList<(float[] Features, bool Label, float Weight)> rows, TreeOptions options)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, rows[0].Features.Length);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Label = r.Label, Weight = r.Weight, Features = r.Features }), schema);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumPerLeaf,
            LearningRate = options.LearningRate,
            Seed = seed,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        var ensemble = model.Model.SubModel.TrainedTreeEnsemble;
        var exported = new TreeEnsembleFile
        {
            Bias = ensemble.Bias,
            PlattSlope = model.Model.Calibrator.Slope,
            PlattOffset = model.Model.Calibrator.Offset,
            Trees = ensemble.Trees.Select((tree, t) => new TreeFile
            {
                Weight = ensemble.TreeWeights[t],
                Left = tree.LeftChild.ToArray(),
                Right = tree.RightChild.ToArray(),
                Feature = tree.NumericalSplitFeatureIndexes.ToArray(),
                Threshold = tree.NumericalSplitThresholds.ToArray(),
                Leaves = tree.LeafValues.ToArray(),
            }).ToList(),
        };

        // The exported trees must say what ML.NET says (on a sample of the rows it was trained on).
        var engine = ml.Model.CreatePredictionEngine<Row, Output>(model, inputSchemaDefinition: schema);
        for (var i = 0; i < rows.Count; i += Math.Max(1, rows.Count / 500))
        {
            var expected = engine.Predict(new Row { Features = rows[i].Features }).Probability;
            LargestExportDifference = Math.Max(LargestExportDifference, Math.Abs(expected - exported.Probability(rows[i].Features)));
        }
        return exported;
    }
}
