using ClaimDesk.Samples;
using BenchmarkDotNet.Attributes;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Analysis.Text;
using ClaimDesk.Bench.Support;
using ClaimDesk.Core.Infrastructure.Embeddings;

namespace ClaimDesk.Bench.Corroboration;

/// <summary>
/// The cost of judging one claim against one article of 40 passages (vectors given, as gathering has them): the trained
/// model against the rule baseline (<see cref="RuleStanceModel"/>, today's classifier on the closest passage). The
/// claim is one object across calls, as in gathering (its reading is kept per claim); a second claim object per call
/// shows the cost when it is not.
/// `dotnet run -c Release --project bench/ClaimDesk.Bench -- --filter '*StanceModel*'`
/// </summary>
[MemoryDiagnoser]
public class StanceModelBenchmarks
{
    private readonly RuleStanceModel _rules = new();
    private readonly LearnedStanceModel _model = LearnedStanceModel.Shipped;
    private StanceClaim _claim = null!;
    private StanceArticle _article = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = string.Join("\n", SampleArticles.All().Select(s => s.Text));
        var spans = PassageSplitter.Split(text).Take(40).ToList();
        using var embedder = new MiniLmTextEmbedder();
        var vectors = embedder.Embed(spans.Select(s => s.Slice(text)).ToList());
        _article = new StanceArticle(null, null, spans.Select((s, i) => new StancePassage(s.Index, s.Start, s.End, s.Slice(text), vectors[i])).ToList(),
            new DateOnly(2024, 12, 3), "en");
        const string claim = "Rutte met Trump and his foreign policy team on 23 November";
        _claim = new StanceClaim(claim, embedder.Embed([claim])[0], new DateOnly(2024, 12, 3), "en");
        Console.WriteLine($"// one article of {_article.Passages.Count} passages, {_article.Passages.Sum(p => p.Text.Length)} characters");
    }

    [Benchmark(Baseline = true, Description = "rules (closest passage)")]
    public ArticleStance Rules() => _rules.Assess(_claim, _article);

    [Benchmark(Description = "trained model, claim read once")]
    public ArticleStance Model() => _model.Assess(_claim, _article);

    [Benchmark(Description = "trained model, new claim each call")]
    public ArticleStance ModelNewClaim() => _model.Assess(_claim with { }, _article);
}
