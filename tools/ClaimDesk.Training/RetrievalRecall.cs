using System.Globalization;
using System.Numerics.Tensors;
using ClaimDesk.Analysis.Retrieval;
using ClaimDesk.Analysis.Text;
using ClaimDesk.Core.Features.Corroboration;
using ClaimDesk.Core.Infrastructure.Embeddings;
using ClaimDesk.Fnc1;

namespace ClaimDesk.Training;

/// <summary>
/// `retrieval`: whether the product's retrieval hands the stance model the articles it must judge. Over a desk holding a
/// set of FNC-1 bodies (the product's passages, MiniLM vectors from the cache), each headline is searched as gathering
/// searches (hybrid search grouped by article) and matched as a new article is matched (cosine of the claim to the
/// article's closest passage); the figure is the share of related pairs (agree, disagree, discuss) whose body is among
/// the candidates. Chosen on the training bodies (1,346 of them: a larger desk than the held-out 337), reported on both.
/// </summary>
public static class RetrievalRecall
{
    private static readonly int[] Candidates = [25, 50, 100, 200, GatherCorroborationHandler.CandidateArticles];
    private static readonly double[] Floors = [0.2, 0.25, MatchArticleHandler.CandidateSimilarity, 0.35, 0.4, 0.5];

    public static int Run(string[] args)
    {
        var data = Fnc1Dataset.Load(Fnc1Dataset.Locate(Option(args, "--data")));
        var split = Fnc1Split.Dev(data);
        using var cache = new EmbeddingCache(Option(args, "--cache") ?? EmbeddingCache.DefaultPath(), 384);
        using (var embedder = new MiniLmTextEmbedder())
            cache.EnsureEmbedded(StanceExamples.TextsToEmbed(data), embedder);
        Report("training bodies", data, split.TrainBodies, cache);
        Report("held-out bodies", data, split.HeldOutBodies, cache);
        return 0;
    }

    private static void Report(string name, Fnc1Dataset data, IReadOnlySet<int> bodies, EmbeddingCache cache)
    {
        var index = new PassageIndex();
        var passagesOf = new Dictionary<int, List<float[]>>();
        foreach (var bodyId in bodies)
        {
            var body = data.Bodies[bodyId];
            var spans = PassageSplitter.Split(body);
            var indexed = spans.Select(s => new IndexedPassage(s.Index, bodyId, s.Slice(body), cache.Get(s.Slice(body)), s.Index, s.Start, s.End)).ToList();
            index.AddRange(indexed);
            passagesOf[bodyId] = indexed.Select(p => p.Vector).ToList();
        }
        var related = data.Pairs.Where(p => bodies.Contains(p.BodyId) && p.Label != Fnc1Label.Unrelated).ToList();
        var found = Candidates.ToDictionary(n => n, _ => 0);
        var aboveFloor = Floors.ToDictionary(f => f, _ => 0);
        foreach (var group in related.GroupBy(p => p.Headline))
        {
            var vector = cache.Get(group.Key);
            var ranked = index.SearchArticles(group.Key, vector, Candidates.Max()).Select(c => c.ArticleId).ToList();
            foreach (var pair in group)
            {
                var rank = ranked.IndexOf(pair.BodyId);
                foreach (var n in Candidates) if (rank >= 0 && rank < n) found[n]++;
                var best = passagesOf[pair.BodyId].Count == 0 ? 0 : passagesOf[pair.BodyId].Max(p => (double)TensorPrimitives.Dot(vector, p));
                foreach (var floor in Floors) if (best >= floor) aboveFloor[floor]++;
            }
        }
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{name}: {bodies.Count} bodies, {index.Count} passages, {related.Count} related pairs"));
        Console.WriteLine("  gathering, related bodies among the candidate articles: " +
                          string.Join(", ", Candidates.Select(n => string.Create(c, $"top {n} {100.0 * found[n] / related.Count:F1} %"))));
        Console.WriteLine("  matching, related pairs at or above the similarity floor: " +
                          string.Join(", ", Floors.Select(f => string.Create(c, $"≥ {f:0.00} {100.0 * aboveFloor[f] / related.Count:F1} %"))));
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
