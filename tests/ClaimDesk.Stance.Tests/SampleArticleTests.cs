using ClaimDesk.Samples;
using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.StanceModelTests;

/// <summary>The sample articles (by path), judged whole by the shipped model as gathering will judge them.</summary>
[Collection(EmbeddingsCollection.Name)]
public sealed class SampleArticleTests(Embeddings minilm)
{
    private readonly IStanceModel _model = LearnedStanceModel.Shipped;

    [Fact]
    public void Sample_001_contradicts_the_meeting_date_claimed_in_000_and_says_why()
    {
        var claim = minilm.Claim("Rutte met Trump and his foreign policy team on 23 November", SampleArticles.Get("000").PublishedAt);
        var result = _model.Assess(claim, minilm.Article(SampleArticles.Read("001"), SampleArticles.Get("001").PublishedAt));

        Assert.True(result.Related);
        Assert.True(Stance.Contradicts == result.Stance, $"{result}: {result.Probabilities} {string.Join(";", result.Discrepancies)} {string.Join(";", result.Passages)}");
        var date = Assert.Single(result.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
        Assert.Equal("2024-11-23", date.ClaimValue);
        Assert.Equal("2024-11-22", date.PassageValue);
        Assert.DoesNotContain(result.Discrepancies, d => d.Kind == DiscrepancyKind.Actor);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    public void No_other_sample_supports_the_russia_aside_of_002(string other)
    {
        var claim = minilm.Claim("Russia did not invade its neighbors during Trump's first term", SampleArticles.Get("002").PublishedAt);
        var result = _model.Assess(claim, minilm.Article(SampleArticles.Read(other), SampleArticles.Get(other).PublishedAt));
        Assert.NotEqual(Stance.Supports, result.Stance);
    }
}
