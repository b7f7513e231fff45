using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Analysis.Retrieval;

namespace ClaimDesk.Analysis.Tests.Corroboration;

public sealed class RetrievalTests
{
    /// <summary>A stand-in embedding (bag of hashed words, L2-normalised) so ranking can be tested without a model.</summary>
    private static float[] Embed(string text)
    {
        var vector = new float[64];
        foreach (var term in Text.EnglishAnalyzer.Terms(text)) vector[(term.GetHashCode() & 0x7fffffff) % 64] += 1;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : vector.Select(v => v / norm).ToArray();
    }

    private static IndexedPassage Passage(long id, long article, string text) => new(id, article, text, Embed(text));

    [Fact]
    public void The_passage_sharing_the_rare_words_ranks_first()
    {
        var index = new PassageIndex();
        index.AddRange([
            Passage(1, 1, "The weather was mild in the capital on Tuesday."),
            Passage(2, 2, "The harbour authority approved the dredging contract for the north quay."),
            Passage(3, 3, "Officials said the capital would host the summit."),
            Passage(4, 4, "The dredging of the north quay will start in spring, the harbour authority said."),
        ]);

        var hits = index.Search("harbour dredging north quay", Embed("harbour dredging north quay"), topK: 2);

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Contains(h.PassageId, new long[] { 2, 4 }));
        Assert.True(hits[0].LexicalScore > 0);
    }

    [Fact]
    public void The_filter_keeps_the_claims_own_article_out()
    {
        var index = new PassageIndex();
        index.AddRange([Passage(1, 10, "The dredging contract was approved."), Passage(2, 20, "The dredging contract was signed.")]);
        var hits = index.Search("dredging contract", Embed("dredging contract"), 5, articleId => articleId != 10);
        Assert.Equal(20, Assert.Single(hits).ArticleId);
    }

    [Fact]
    public async Task Searches_run_while_passages_are_added()
    {
        var index = new PassageIndex();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++) index.Add(Passage(i, i % 50, $"Report {i} on the harbour budget and the quay number {i % 7}."));
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var found = 0;
            while (!writer.IsCompleted) found += index.Search("harbour budget quay", Embed("harbour budget quay"), 5).Count;
            return found;
        })).ToArray();
        await Task.WhenAll([writer, .. readers]);

        Assert.Equal(2_000, index.Count);
        Assert.Equal(5, index.Search("harbour budget", Embed("harbour budget"), 5).Count);
    }

    [Fact]
    public void A_syndicated_copy_is_recognised_and_an_independent_report_is_not()
    {
        const string wire = "The city council approved a budget of 12 million euros on Tuesday after a long debate. " +
                            "The mayor said the vote was historic and promised new housing by the end of the year. " +
                            "Opposition members criticised the spending on roads and asked for an audit of the harbour project.";
        var copy = "LOCAL NEWS — " + wire.Replace("Tuesday", "Tuesday evening") + " Read more on our site.";
        const string independent = "Councillors voted on Tuesday for a 12 million euro budget. Critics want the harbour project audited, " +
                                   "while the mayor called it a historic day for housing in the city.";

        Assert.True(SyndicationDetector.IsNearCopy(wire, copy));
        Assert.False(SyndicationDetector.IsNearCopy(wire, independent));
        Assert.True(SyndicationDetector.Containment(wire, copy) > SyndicationDetector.Containment(wire, independent));
    }
}
