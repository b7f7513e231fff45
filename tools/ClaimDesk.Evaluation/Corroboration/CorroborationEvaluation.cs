using System.Text.Json;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Analysis.Retrieval;
using ClaimDesk.Analysis.Text;
using ClaimDesk.Core.Infrastructure.Embeddings;

namespace ClaimDesk.Evaluation.Corroboration;

/// <summary>
/// Precision and recall of "supports" and "contradicts" on claims written by reading the sample articles: the real
/// pipeline (passages, MiniLM embeddings, hybrid retrieval, stance) over the three articles, each claim searched in
/// the articles other than its own.
/// </summary>
public sealed class CorroborationEvaluation : IEvaluation
{
    public string Name => "corroboration";
    public string Description => "precision/recall of supports and contradicts on labelled claims from the samples";

    private sealed record Label(string File, int Start, int End, string Stance);
    private sealed record LabelledClaim(int Id, string Source, string Text, List<Label> Expected);
    private sealed record LabelFile(string Description, List<LabelledClaim> Claims);

    public Task<int> RunAsync(string samplesDirectory, string[] args)
    {
        var verbose = args.Contains("--verbose");
        var labels = JsonSerializer.Deserialize<LabelFile>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corroboration", "labels", "corroboration-labels.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var articles = Samples.Load(samplesDirectory);

        using var embedder = new MiniLmTextEmbedder();
        var index = new PassageIndex();
        var passages = new Dictionary<long, (Samples.Article Article, PassageSpan Span, string Text)>();
        long nextId = 1;
        foreach (var article in articles)
        {
            var spans = PassageSplitter.Split(article.Text);
            var texts = spans.Select(s => s.Slice(article.Text)).ToList();
            var vectors = embedder.Embed(texts);
            for (var i = 0; i < spans.Count; i++)
            {
                passages[nextId] = (article, spans[i], texts[i]);
                index.Add(new IndexedPassage(nextId++, article.Id, texts[i], vectors[i]));
            }
        }

        var supports = new PrecisionRecall("supports");
        var contradicts = new PrecisionRecall("contradicts");
        foreach (var claim in labels.Claims)
        {
            var source = articles.Single(a => a.File == claim.Source);
            var hits = index.Search(claim.Text, embedder.Embed([claim.Text])[0], 20, articleId => articleId != source.Id);
            var predicted = hits.Select(h =>
            {
                var (article, span, text) = passages[h.PassageId];
                var assessment = StanceClassifier.Classify(claim.Text, source.PublishedAt, text, article.PublishedAt, h.SemanticSimilarity);
                return (Article: article, Span: span, Text: text, Assessment: assessment, h.SemanticSimilarity);
            }).ToList();

            foreach (var (stance, counts) in new[] { (Stance.Supports, supports), (Stance.Contradicts, contradicts) })
            {
                var name = stance.ToString().ToLowerInvariant();
                var expected = claim.Expected.Where(e => e.Stance == name).ToList();
                var found = predicted.Where(p => p.Assessment.Stance == stance).ToList();
                foreach (var p in found)
                {
                    var right = expected.Any(e => Overlaps(e, p.Article.File, p.Span));
                    if (right) counts.TruePositives++; else counts.FalsePositives++;
                    if (verbose || !right)
                        Console.WriteLine($"  claim {claim.Id}: {(right ? "ok " : "FP ")} {name} {p.Article.File[..3]}@{p.Span.Start} sim {p.SemanticSimilarity:0.00} {Describe(p.Assessment)}");
                }
                foreach (var e in expected.Where(e => !found.Any(p => Overlaps(e, p.Article.File, p.Span))))
                {
                    counts.FalseNegatives++;
                    var got = predicted.FirstOrDefault(p => Overlaps(e, p.Article.File, p.Span));
                    Console.WriteLine($"  claim {claim.Id}: FN  {name} {e.File[..3]}@{e.Start} → {(got.Text is null ? "not retrieved" : $"{got.Assessment.Stance} sim {got.SemanticSimilarity:0.00}")}");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Corroboration on {labels.Claims.Count} labelled claims ({labels.Claims.Sum(c => c.Expected.Count)} labelled passages), {index.Count} passages:");
        Console.WriteLine($"  {supports}");
        Console.WriteLine($"  {contradicts}");
        return Task.FromResult(0);
    }

    private static bool Overlaps(Label label, string file, PassageSpan span) =>
        label.File == file && label.Start < span.End && span.Start < label.End;

    private static string Describe(StanceAssessment a) =>
        a.Discrepancies.Count == 0 ? "" : string.Join("; ", a.Discrepancies.Select(d => $"{d.Kind}: {d.ClaimValue} vs {d.PassageValue}"));
}
