using System.Diagnostics;
using System.Globalization;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Infrastructure.Embeddings;
using ClaimDesk.Fnc1;

namespace ClaimDesk.Training;

/// <summary>
/// `stance`: trains the stance model on the FNC-1 training bodies of the development split, chooses hyper-parameters,
/// class weights and decision thresholds on an inner split of those bodies only, reports the model and the rule
/// baseline on the held-out bodies, and writes the model file that ships inside ClaimDesk.Analysis.
/// </summary>
public static class StanceTraining
{
    private const int Seed = 17;

    private static readonly TreeOptions[] Grid =
    [
        new(200, 16, 20, 0.1),
        new(300, 32, 30, 0.05),
    ];

    private sealed record Candidate(TreeOptions Options, bool ChangedFigures, double Threshold, double SupportsWeight, double ContradictsWeight, double MacroF1);

    public static int Run(string[] args)
    {
        var clock = Stopwatch.StartNew();
        var data = Fnc1Dataset.Load(Fnc1Dataset.Locate(Option(args, "--data")));
        var split = Fnc1Split.Dev(data);
        var output = Option(args, "--out") ?? DefaultModelPath();
        Console.WriteLine($"FNC-1: {data.Bodies.Count} bodies, {data.Pairs.Count} pairs; split by body (seed {Fnc1Split.DevSeed}): " +
                          $"{split.TrainBodies.Count} bodies for training, {split.HeldOutBodies.Count} held out");

        var trainPairs = split.TrainPairs(data);
        var heldOutPairs = split.HeldOutPairs(data);
        var changedFigures = StanceExamples.ChangedFigures(data, trainPairs);
        using var cache = new EmbeddingCache(Option(args, "--cache") ?? EmbeddingCache.DefaultPath(), 384);
        using (var embedder = new MiniLmTextEmbedder())
            cache.EnsureEmbedded(StanceExamples.TextsToEmbed(data).Concat(changedFigures.Select(c => c.Headline)), embedder);
        Console.WriteLine($"vectors ready after {clock.Elapsed.TotalSeconds:F0} s");
        if (args.Contains("--embed-only")) return 0;

        var examples = new StanceExamples(data, cache);
        var featureClock = Stopwatch.StartNew();
        var train = examples.Build([.. trainPairs.Select(p => (p.Headline, p.BodyId, p.Label, false)), .. changedFigures]);
        var heldOut = examples.Build(heldOutPairs.Select(p => (p.Headline, p.BodyId, p.Label, false)).ToList());
        Console.WriteLine($"features of {train.Count + heldOut.Count} pairs ({changedFigures.Count} synthetic changed-figure pairs, training bodies only) " +
                          $"in {featureClock.Elapsed.TotalSeconds:F0} s");

        // Tuning: train on the inner training bodies, score on the inner held-out bodies (never on the held-out 20 %).
        var inner = split.Inner();
        var innerTrain = train.Where(e => inner.TrainBodies.Contains(e.BodyId)).ToList();
        var innerCheck = train.Where(e => inner.HeldOutBodies.Contains(e.BodyId) && !e.Synthetic).ToList();
        Console.WriteLine($"tuning on the inner split of the training bodies: {inner.TrainBodies.Count} bodies ({innerTrain.Count} pairs) / " +
                          $"{inner.HeldOutBodies.Count} bodies ({innerCheck.Count} pairs)");
        var trainer = new TreeTrainer(Seed);
        Candidate? best = null;
        // Changed figures are always in: FNC-1 has almost no "same story, other figure" pairs, so the held-out bodies cannot
        // reward them, but the desk needs a mismatched date or number on the same event to count against a claim.
        foreach (var options in Grid)
        foreach (var withChangedFigures in new[] { true })
        {
            var tuneClock = Stopwatch.StartNew();
            var model = TrainModel(trainer, innerTrain.Where(e => withChangedFigures || !e.Synthetic).ToList(), options, 0.5, 1, 1, []);
            var candidate = TuneDecision(model, innerCheck, options, withChangedFigures);
            Console.WriteLine($"  {options}, changed figures {(withChangedFigures ? "on " : "off")}: inner macro-F1 {candidate.MacroF1:F4} " +
                              $"(related ≥ {candidate.Threshold}, supports ×{candidate.SupportsWeight}, contradicts ×{candidate.ContradictsWeight}) " +
                              $"[{tuneClock.Elapsed.TotalSeconds:F0} s]");
            if (best is null || candidate.MacroF1 > best.MacroF1) best = candidate;
        }
        Console.WriteLine($"chosen: {best!.Options}, changed figures {(best.ChangedFigures ? "on" : "off")}");

        // The final model: all training bodies, the chosen settings.
        var finalTrain = train.Where(e => best.ChangedFigures || !e.Synthetic).ToList();
        var info = new Dictionary<string, string>
        {
            ["data"] = "FNC-1 train_stances.csv / train_bodies.csv",
            ["split"] = $"by Body ID, seed {Fnc1Split.DevSeed}, {split.TrainBodies.Count} training bodies, {split.HeldOutBodies.Count} held out",
            ["trees"] = best.Options.ToString(),
            ["changedFigures"] = best.ChangedFigures ? $"{changedFigures.Count} synthetic disagree pairs from training bodies" : "off",
            ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        };
        var final = TrainModel(trainer, finalTrain, best.Options, best.Threshold, best.SupportsWeight, best.ContradictsWeight, info);
        Console.WriteLine($"exported trees agree with ML.NET within {trainer.LargestExportDifference:E1} (probability)");

        var learned = new LearnedStanceModel(final);
        var modelMetrics = Fnc1Metrics.Of(heldOut.Select(e => (e.Label, ToFnc1(learned.Decide(e.Features)))));
        Console.WriteLine();
        Console.Write(modelMetrics.Report($"model '{final.Name}' on the held-out bodies"));

        var rules = new RuleStanceModel();
        var ruleMetrics = Fnc1Metrics.Of(heldOutPairs.Select(p =>
        {
            var stance = rules.Assess(examples.ClaimOf(p.Headline), examples.ArticleOf(p.BodyId));
            return (p.Label, ToFnc1((stance.Probabilities, stance.Related, stance.Stance ?? Stance.Mentions)));
        }));
        Console.WriteLine();
        Console.Write(ruleMetrics.Report("rule baseline (RuleStanceModel) on the held-out bodies"));

        info["heldOut"] = string.Create(CultureInfo.InvariantCulture,
            $"macro-F1 {modelMetrics.MacroF1:F4}, FNC-1 {modelMetrics.FncPercent:F2} %, disagree F1 {modelMetrics.For(Fnc1Label.Disagree).F1:F4}; rules macro-F1 {ruleMetrics.MacroF1:F4}, FNC-1 {ruleMetrics.FncPercent:F2} %");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        using (var file = File.Create(output)) final.Write(file);
        Console.WriteLine();
        Console.WriteLine($"model written to {output} ({new FileInfo(output).Length / 1024.0:F0} KiB); training took {clock.Elapsed.TotalSeconds:F0} s in all");
        return 0;
    }

    private static StanceModelFile TrainModel(TreeTrainer trainer, IReadOnlyList<StanceExample> examples, TreeOptions options,
        double threshold, double supportsWeight, double contradictsWeight, Dictionary<string, string> info)
    {
        var relatedRows = examples.Select(e => (e.Features, e.Label != Fnc1Label.Unrelated, 1f)).ToList();
        var related = examples.Where(e => e.Label != Fnc1Label.Unrelated).ToList();
        TreeEnsembleFile OneVersusRest(Fnc1Label label)
        {
            // Rare stances weigh more (square root of the imbalance), so the trees learn them at all.
            var positives = related.Count(e => e.Label == label);
            var weight = (float)Math.Sqrt((related.Count - positives) / (double)Math.Max(1, positives));
            return trainer.Train(related.Select(e => (e.Features, e.Label == label, e.Label == label ? weight : 1f)).ToList(), options);
        }
        return new StanceModelFile
        {
            Name = "fnc1-fasttree",
            Features = StanceFeatures.Names,
            Related = trainer.Train(relatedRows, options),
            Supports = OneVersusRest(Fnc1Label.Agree),
            Contradicts = OneVersusRest(Fnc1Label.Disagree),
            Mentions = OneVersusRest(Fnc1Label.Discuss),
            RelatedThreshold = threshold,
            SupportsWeight = supportsWeight,
            ContradictsWeight = contradictsWeight,
            Training = info,
        };
    }

    private static Candidate TuneDecision(StanceModelFile file, IReadOnlyList<StanceExample> check, TreeOptions options, bool changedFigures)
    {
        var model = new LearnedStanceModel(file);
        var raw = check.Select(e => (e.Label, Raw: model.RawProbabilities(e.Features))).ToList();
        Candidate? best = null;
        foreach (var threshold in new[] { 0.3, 0.4, 0.5, 0.6, 0.7 })
        foreach (var supports in new[] { 0.7, 0.85, 1.0, 1.2, 1.5, 2.0 })
        foreach (var contradicts in new[] { 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0 })
        {
            var metrics = Fnc1Metrics.Of(raw.Select(r => (r.Label, ToFnc1(LearnedStanceModel.Decide(r.Raw, threshold, supports, contradicts)))));
            if (best is null || metrics.MacroF1 > best.MacroF1)
                best = new Candidate(options, changedFigures, threshold, supports, contradicts, metrics.MacroF1);
        }
        return best!;
    }

    private static Fnc1Label ToFnc1((StanceProbabilities Probabilities, bool Related, Stance Stance) decision) =>
        !decision.Related ? Fnc1Label.Unrelated : decision.Stance switch
        {
            Stance.Supports => Fnc1Label.Agree,
            Stance.Contradicts => Fnc1Label.Disagree,
            _ => Fnc1Label.Discuss,
        };

    /// <summary>The model file inside ClaimDesk.Analysis (embedded at build), found from the checkout.</summary>
    private static string DefaultModelPath()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClaimDesk.sln")))
                return Path.Combine(dir.FullName, "src", "ClaimDesk.Analysis", "Corroboration", "Stance", "stance-model.json");
        throw new DirectoryNotFoundException("Run from inside the checkout, or pass --out <file>.");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
