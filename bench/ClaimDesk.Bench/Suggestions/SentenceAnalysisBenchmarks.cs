using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ClaimDesk.Analysis.Suggestions;
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Bench.Suggestions;

/// <summary>
/// Claim suggestion throughput on one core over the three sample articles, against a naive regex sentence split
/// as the baseline. Sentences per second = sentences / mean time (printed at the end of the run).
/// `dotnet run -c Release --project bench/ClaimDesk.Bench -- --filter '*SentenceAnalysis*'`
/// </summary>
[MemoryDiagnoser]
public partial class SentenceAnalysisBenchmarks
{
    private IReadOnlyList<string> _articles = [];

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex NaiveBoundary();

    [GlobalSetup]
    public void Setup()
    {
        _articles = SampleArticles.All().Select(s => s.Text).ToList();
        var sentences = _articles.Sum(a => PassageSplitter.Split(a).Count);
        Console.WriteLine($"// {sentences} sentences in {_articles.Count} sample articles");
    }

    [Benchmark(Baseline = true, Description = "naive regex split")]
    public int NaiveSplit() => _articles.Sum(a => NaiveBoundary().Split(a).Length);

    [Benchmark(Description = "segment only")]
    public int Segment() => _articles.Sum(a => PassageSplitter.Split(a).Count);

    [Benchmark(Description = "full suggestion analysis")]
    public int Suggest() => _articles.Sum(a => ClaimSuggester.Suggest(a).Count);
}
