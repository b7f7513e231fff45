using System.Diagnostics;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Analysis.Retrieval;
using ClaimDesk.Analysis.Text;
using ClaimDesk.Bench.Support;
using ClaimDesk.Core.Features.Corroboration;
using ClaimDesk.Core.Infrastructure.Embeddings;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ClaimDesk.Bench.Corroboration;

/// <summary>
/// Gathering latency for one claim as the product gathers (embed the claim with the real MiniLM, hybrid search grouped by
/// article, the trained stance model on every candidate article; no queue wait and no database) over synthetic corpora of
/// 1k, 10k and 100k articles, beside a plain Lucene.Net BM25 search over the same passages in the same run; plus indexing
/// throughput, the real MiniLM cost per passage and the model's cost per article and per passage.
/// The corpus's passage vectors are generated (random unit vectors), not computed: embedding 1.2M passages with MiniLM
/// would take hours here. The claim's own embedding is real. With random vectors no article is truly close, but the search
/// still hands the model its full quota of candidates — the same number the product judges per claim on any desk larger
/// than that (<see cref="GatherCorroborationHandler.CandidateArticles"/>), so the model's share is measured at its most.
/// `dotnet run -c Release --project bench/ClaimDesk.Bench -- gathering [--sizes 1000,10000,100000] [--claims 200]`
/// </summary>
public sealed class GatheringLatencyScenario : IBenchScenario
{
    private const int PassagesPerArticle = 12;
    private const int WordsPerPassage = 20;
    private const int Dimensions = 384;

    public string Name => "gathering";
    public string Description => "claim gathering latency at 1k/10k/100k articles vs Lucene BM25, indexing throughput, MiniLM cost";

    public Task RunAsync(string[] args)
    {
        var sizes = args.SkipWhile(a => a != "--sizes").Skip(1).Select(s => s.Split(',').Select(int.Parse).ToArray()).DefaultIfEmpty([1_000, 10_000, 100_000]).First();
        var claims = args.SkipWhile(a => a != "--claims").Skip(1).Select(int.Parse).DefaultIfEmpty(200).First();
        using var embedder = new MiniLmTextEmbedder();
        MeasureEmbeddingCost(embedder);
        IStanceModel model = LearnedStanceModel.Shipped;
        Console.WriteLine($"stance model '{model.Name}', {GatherCorroborationHandler.CandidateArticles} candidate articles per claim, {PassagesPerArticle} passages of {WordsPerPassage} words per article");

        var p95s = new Dictionary<int, double>();
        foreach (var size in sizes)
        {
            var corpus = new SyntheticCorpus(seed: 7, vocabulary: 30_000);
            var passages = corpus.Passages(size * PassagesPerArticle, WordsPerPassage);
            var vectors = RandomUnitVectors(passages.Count, seed: 11);

            var indexing = Stopwatch.StartNew();
            var index = new PassageIndex();
            const int batch = 10_000;
            for (var i = 0; i < passages.Count; i += batch)
                index.AddRange(Enumerable.Range(i, Math.Min(batch, passages.Count - i)).Select(j => Passage(j, passages, vectors)));
            indexing.Stop();

            var (lucene, luceneIndexing) = BuildLucene(passages);
            var claimTexts = Enumerable.Range(0, claims).Select(i => corpus.ClaimFrom(passages[(i * 7919) % passages.Count])).ToList();

            var gather = new List<double>();
            var searchOnly = new List<double>();
            var modelOnly = new List<double>();
            var luceneSearch = new List<double>();
            var judged = 0L;
            var judgedPassages = 0L;
            for (var i = 0; i < claimTexts.Count + 10; i++)
            {
                var claim = claimTexts[i % claimTexts.Count];
                var started = Stopwatch.GetTimestamp();
                var vector = embedder.Embed([claim])[0];
                var searchStarted = Stopwatch.GetTimestamp();
                var candidates = index.SearchArticles(claim, vector, GatherCorroborationHandler.CandidateArticles, articleId => articleId != -1);
                var searchMs = Stopwatch.GetElapsedTime(searchStarted).TotalMilliseconds;
                var modelStarted = Stopwatch.GetTimestamp();
                var stanceClaim = new StanceClaim(claim, vector, null, "en");
                foreach (var candidate in candidates)
                {
                    var article = Article(index, candidate.ArticleId);
                    model.Assess(stanceClaim, article);
                    if (i >= 10) (judged, judgedPassages) = (judged + 1, judgedPassages + article.Passages.Count);
                }
                var modelMs = Stopwatch.GetElapsedTime(modelStarted).TotalMilliseconds;
                var totalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

                var luceneStarted = Stopwatch.GetTimestamp();
                lucene.Search(claim, 20);
                var luceneMs = Stopwatch.GetElapsedTime(luceneStarted).TotalMilliseconds;
                if (i < 10) continue; // warm-up
                gather.Add(totalMs);
                searchOnly.Add(searchMs);
                modelOnly.Add(modelMs);
                luceneSearch.Add(luceneMs);
            }

            Console.WriteLine($"{size:N0} articles ({passages.Count:N0} passages, semantic search {(passages.Count <= PassageIndex.ExactSemanticLimit ? "exact" : "over lexical candidates")}):");
            Console.WriteLine($"  indexing        {passages.Count / indexing.Elapsed.TotalSeconds,10:N0} passages/s = {size / indexing.Elapsed.TotalSeconds,8:N0} articles/s (Lucene: {passages.Count / luceneIndexing.TotalSeconds:N0} passages/s)");
            Console.WriteLine($"  gather (all)    {Percentiles.Summary(gather)}   (embed claim + hybrid search by article + stance model on {judged / Math.Max(1, gather.Count)} candidate articles)");
            Console.WriteLine($"  hybrid search   {Percentiles.Summary(searchOnly)}");
            Console.WriteLine($"  stance model    {Percentiles.Summary(modelOnly)}   ({modelOnly.Sum() * 1000 / Math.Max(1, judged):F0} µs per article, {modelOnly.Sum() * 1000 / Math.Max(1, judgedPassages):F1} µs per passage)");
            Console.WriteLine($"  Lucene BM25     {Percentiles.Summary(luceneSearch)}");
            Console.WriteLine($"  p95 ratio gather / Lucene search: {Percentiles.Of(gather, 95) / Percentiles.Of(luceneSearch, 95):0.0}x");
            p95s[size] = Percentiles.Of(gather, 95);
            lucene.Dispose();
        }
        if (p95s.TryGetValue(10_000, out var p10k) && p95s.TryGetValue(100_000, out var p100k))
            Console.WriteLine($"p95 at 100k / p95 at 10k: {p100k / p10k:0.00}x (goal: at most 3x; goal p95 at 100k under 250 ms: {p100k:0} ms)");
        return Task.CompletedTask;
    }

    private static void MeasureEmbeddingCost(MiniLmTextEmbedder embedder)
    {
        var sentences = SampleArticles.All().SelectMany(s => PassageSplitter.Split(s.Text).Select(p => p.Slice(s.Text))).ToList();
        while (sentences.Count < 200) sentences.AddRange(sentences.Take(200 - sentences.Count));
        embedder.Embed(sentences.Take(8).ToList()); // load the model
        var started = Stopwatch.StartNew();
        for (var i = 0; i < sentences.Count; i += 16) embedder.Embed(sentences.Skip(i).Take(16).ToList());
        Console.WriteLine($"MiniLM (real): {started.Elapsed.TotalMilliseconds / sentences.Count:0.00} ms per passage over {sentences.Count} sample sentences, batches of 16");
    }

    /// <summary>Passage j of the corpus, as the product indexes it: its article, its place in the article and its character offsets.</summary>
    private static IndexedPassage Passage(int j, IReadOnlyList<string> passages, float[][] vectors)
    {
        var index = j % PassagesPerArticle;
        var start = 0;
        for (var k = j - index; k < j; k++) start += passages[k].Length + 1;
        return new IndexedPassage(j, j / PassagesPerArticle, passages[j], vectors[j], index, start, start + passages[j].Length);
    }

    /// <summary>A candidate article as gathering hands it to the model: its passages from the index, in order.</summary>
    private static StanceArticle Article(PassageIndex index, long articleId) =>
        new(null, null, index.PassagesOf(articleId).Select(p => new StancePassage(p.Index, p.Start, p.End, p.Text, p.Vector)).ToList(), null, "en");

    private static float[][] RandomUnitVectors(int count, int seed)
    {
        var random = new Random(seed);
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var v = new float[Dimensions];
            for (var d = 0; d < Dimensions; d++) v[d] = (float)(random.NextDouble() * 2 - 1);
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<float>(v));
            System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
            vectors[i] = v;
        }
        return vectors;
    }

    private static (LuceneSearch Search, TimeSpan Indexing) BuildLucene(IReadOnlyList<string> passages)
    {
        var started = Stopwatch.StartNew();
        var search = new LuceneSearch(passages);
        return (search, started.Elapsed);
    }

    /// <summary>Plain Lucene.Net: StandardAnalyzer, BM25Similarity, a parsed OR query over the claim's words.</summary>
    private sealed class LuceneSearch : IDisposable
    {
        private const LuceneVersion Version = LuceneVersion.LUCENE_48;
        private readonly RAMDirectory _directory = new();
        private readonly DirectoryReader _reader;
        private readonly IndexSearcher _searcher;
        private readonly QueryParser _parser;

        public LuceneSearch(IReadOnlyList<string> passages)
        {
            var analyzer = new StandardAnalyzer(Version);
            using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), RAMBufferSizeMB = 256 }))
            {
                for (var i = 0; i < passages.Count; i++)
                    writer.AddDocument(new Document { new Int32Field("id", i, Field.Store.YES), new TextField("text", passages[i], Field.Store.NO) });
                writer.Commit();
            }
            _reader = DirectoryReader.Open(_directory);
            _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
            _parser = new QueryParser(Version, "text", analyzer);
        }

        public TopDocs Search(string text, int topK) => _searcher.Search(_parser.Parse(QueryParserBase.Escape(text)), topK);

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
        }
    }
}

/// <summary>Text with a Zipf word distribution (a few words everywhere, most words rare), like news prose.</summary>
public sealed class SyntheticCorpus
{
    private readonly Random _random;
    private readonly string[] _words;
    private readonly double[] _cumulative;

    public SyntheticCorpus(int seed, int vocabulary)
    {
        _random = new Random(seed);
        _words = Enumerable.Range(0, vocabulary).Select(i => Word(i)).ToArray();
        var weights = Enumerable.Range(1, vocabulary).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        _cumulative = new double[vocabulary];
        var running = 0.0;
        for (var i = 0; i < vocabulary; i++) _cumulative[i] = running += weights[i] / total;
    }

    public List<string> Passages(int count, int words) =>
        Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, words).Select(_ => Next())) + ".").ToList();

    /// <summary>A claim: most of a passage's words in another order, plus a few others.</summary>
    public string ClaimFrom(string passage)
    {
        var words = passage.TrimEnd('.').Split(' ').OrderBy(_ => _random.Next()).Take(10).Concat([Next(), Next()]);
        return string.Join(' ', words);
    }

    private string Next()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _words[Math.Min(index < 0 ? ~index : index, _words.Length - 1)];
    }

    private static string Word(int i)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var chars = new List<char>();
        do
        {
            chars.Add(consonants[i % consonants.Length]);
            i /= consonants.Length;
            chars.Add(vowels[i % vowels.Length]);
            i /= vowels.Length;
        } while (i > 0);
        return new string(chars.ToArray());
    }
}
