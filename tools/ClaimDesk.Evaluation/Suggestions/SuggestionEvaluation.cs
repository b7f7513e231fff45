using System.Text.Json;
using ClaimDesk.Analysis;
using ClaimDesk.Analysis.Suggestions;
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Evaluation.Suggestions;

/// <summary>
/// Check-worthiness precision/recall at top-k and kind accuracy against a label for every sentence of the three
/// sample articles (labels point at sentences by file and character offsets; no article text is stored).
/// `--dump` prints what the analysis produced, for reading the articles side by side.
/// </summary>
public sealed class SuggestionEvaluation : IEvaluation
{
    public string Name => "suggestions";
    public string Description => "check-worthiness P/R at top-k and kind accuracy on every labelled sentence of the samples";

    private sealed record Label(string File, int Start, int End, bool CheckWorthy, string Kind, string? Claimant);
    private sealed record LabelFile(string Description, List<Label> Sentences);

    public Task<int> RunAsync(string samplesDirectory, string[] args)
    {
        var articles = Samples.Load(samplesDirectory);
        if (args.Contains("--dump"))
        {
            foreach (var article in articles)
            {
                Console.WriteLine($"== {article.File}");
                var kept = ClaimSuggester.Suggest(article.Text).ToDictionary(s => s.Start);
                foreach (var p in PassageSplitter.Split(article.Text))
                {
                    var text = p.Slice(article.Text);
                    var shown = text.Length > 90 ? text[..90] + "…" : text;
                    Console.WriteLine(kept.TryGetValue(p.Start, out var s)
                        ? $"{p.Start,5}-{p.End,-5} {s.CheckWorthiness:0.00} {s.Kind,-10} {s.Claimant,-12} {shown}"
                        : $"{p.Start,5}-{p.End,-5} ---- chrome                  {shown}");
                }
            }
            return Task.FromResult(0);
        }

        var labels = JsonSerializer.Deserialize<LabelFile>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Suggestions", "labels", "suggestion-labels.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var k = args.SkipWhile(a => a != "--k").Skip(1).Select(int.Parse).DefaultIfEmpty(5).First();

        int truePositives = 0, predicted = 0, worthy = 0, kindRight = 0, kindTotal = 0, claimantRight = 0, claimantTotal = 0;
        foreach (var article in articles)
        {
            var suggestions = ClaimSuggester.Suggest(article.Text);
            var fileLabels = labels.Sentences.Where(l => l.File == article.File).ToList();
            var top = suggestions.OrderByDescending(s => s.CheckWorthiness).Take(k).ToList();
            foreach (var s in top)
            {
                predicted++;
                var label = fileLabels.FirstOrDefault(l => l.Start < s.End && s.Start < l.End);
                if (label is { CheckWorthy: true }) truePositives++;
                else Console.WriteLine($"  {article.File[..3]}@{s.Start}: top-{k} but labelled not check-worthy");
            }
            worthy += Math.Min(k, fileLabels.Count(l => l.CheckWorthy));
            foreach (var label in fileLabels.Where(l => l.Kind != "chrome"))
            {
                var s = suggestions.FirstOrDefault(x => label.Start < x.End && x.Start < label.End);
                kindTotal++;
                var kind = s?.Kind.ToString().ToLowerInvariant() ?? "chrome";
                if (kind == label.Kind) kindRight++;
                else Console.WriteLine($"  {article.File[..3]}@{label.Start}: kind {kind}, labelled {label.Kind}");
                if (label.Kind != "attributed") continue;
                claimantTotal++;
                if (s?.Claimant is { } c && label.Claimant is { } expected && (c.Contains(expected) || expected.Contains(c))) claimantRight++;
            }
            var chromeLabels = fileLabels.Where(l => l.Kind == "chrome").ToList();
            foreach (var chrome in chromeLabels.Where(l => suggestions.Any(s => l.Start < s.End && s.Start < l.End)))
                Console.WriteLine($"  {article.File[..3]}@{chrome.Start}: page furniture suggested as a claim");
        }

        Console.WriteLine();
        Console.WriteLine($"Suggestions on {articles.Count} articles, {labels.Sentences.Count} labelled sentences:");
        Console.WriteLine($"  check-worthiness precision@{k} per article {(double)truePositives / predicted:P0} ({truePositives}/{predicted})");
        Console.WriteLine($"  check-worthiness recall@{k} per article    {(double)truePositives / worthy:P0} ({truePositives}/{worthy}; recall against min(k, check-worthy sentences))");
        Console.WriteLine($"  kind accuracy                          {(double)kindRight / kindTotal:P0} ({kindRight}/{kindTotal} prose sentences; page furniture is scored apart)");
        Console.WriteLine($"  claimant accuracy (attributed)         {(double)claimantRight / Math.Max(1, claimantTotal):P0} ({claimantRight}/{claimantTotal})");
        return Task.FromResult(0);
    }
}
