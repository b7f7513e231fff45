using ClaimDesk.Samples;
using System.Diagnostics;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Analysis.Text;
using ClaimDesk.Bench.Support;
using ClaimDesk.Core.Infrastructure.Embeddings;

namespace ClaimDesk.Bench.Corroboration;

/// <summary>
/// Per-article cost of the stance model against the rule baseline, robust to a shared machine: rounds alternate
/// baseline and model, and each round times a batch of calls, so a burst of load hits both; reported as the fastest and
/// the median round per article, and the median of the per-round ratios. The article is 40 passages of the samples
/// with real MiniLM vectors; the claim is one object for all calls, as in gathering (its reading is kept per claim).
/// `dotnet run -c Release --project bench/ClaimDesk.Bench -- stance-model [--rounds 40]`
/// </summary>
public sealed class StanceModelScenario : IBenchScenario
{
    public string Name => "stance-model";
    public string Description => "per-article cost of the trained stance model vs the rule baseline (40 passages, vectors given)";

    public Task RunAsync(string[] args)
    {
        var rounds = args.Length > 1 && args[0] == "--rounds" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
        var text = string.Join("\n", SampleArticles.All().Select(s => s.Text));
        var spans = PassageSplitter.Split(text).Take(40).ToList();
        StanceArticle article;
        StanceClaim claim;
        using (var embedder = new MiniLmTextEmbedder())
        {
            var vectors = embedder.Embed(spans.Select(s => s.Slice(text)).ToList());
            article = new StanceArticle(null, null, spans.Select((s, i) => new StancePassage(s.Index, s.Start, s.End, s.Slice(text), vectors[i])).ToList(),
                new DateOnly(2024, 12, 3), "en");
            const string claimText = "Rutte met Trump and his foreign policy team on 23 November";
            claim = new StanceClaim(claimText, embedder.Embed([claimText])[0], new DateOnly(2024, 12, 3), "en");
        }
        IStanceModel rules = new RuleStanceModel(), model = LearnedStanceModel.Shipped;
        Console.WriteLine($"one article of {article.Passages.Count} passages ({article.Passages.Sum(p => p.Text.Length)} characters); {rounds} rounds of 200 calls each");

        const int calls = 200;
        double Time(IStanceModel m)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++) m.Assess(claim, article);
            return clock.Elapsed.TotalMicroseconds / calls;
        }
        for (var i = 0; i < 5; i++) { Time(rules); Time(model); } // JIT to the final tier
        var ruleTimes = new List<double>();
        var modelTimes = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            ruleTimes.Add(Time(rules));
            modelTimes.Add(Time(model));
        }
        var ratios = ruleTimes.Zip(modelTimes, (b, m) => m / b).Order().ToList();
        Console.WriteLine($"rules (baseline)  fastest round {ruleTimes.Min(),7:F1} µs/article   median {Median(ruleTimes),7:F1} µs/article");
        Console.WriteLine($"trained model     fastest round {modelTimes.Min(),7:F1} µs/article   median {Median(modelTimes),7:F1} µs/article");
        Console.WriteLine($"model / rules     median ratio {ratios[ratios.Count / 2]:F2} (rounds {ratios[0]:F2}–{ratios[^1]:F2})");
        return Task.CompletedTask;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
