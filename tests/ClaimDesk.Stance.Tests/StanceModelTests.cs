using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.StanceModelTests;

/// <summary>
/// The shipped model on articles written for these tests (real MiniLM vectors): a report in other words supports, a
/// hedged or falsely-claimed one does not, another language gets no English-trained label.
/// </summary>
[Collection(EmbeddingsCollection.Name)]
public sealed class StanceModelTests(Embeddings minilm)
{
    private static readonly DateOnly Published = new(2025, 3, 5);
    private readonly IStanceModel _model = LearnedStanceModel.Shipped;

    [Theory]
    [InlineData("Governor Dalia Moreno selected Tomas Ekberg as envoy to the fishing talks.",
        "Governor Dalia Moreno's appointment of Tomas Ekberg as envoy to the fishing talks was confirmed on Monday.\n" +
        "Ekberg, a former harbour master, will lead the delegation when the talks resume in spring.\n" +
        "The talks have stalled over cod quotas for two years.")]
    [InlineData("Mayor Ines Calloway spoke to reporters about the new flood barriers.",
        "Speaking to reporters on Thursday, Mayor Ines Calloway described the new flood barriers along the river.\n" +
        "The barriers, paid for with a regional grant, were finished in October.")]
    public void A_report_in_other_words_supports(string claim, string article)
    {
        var result = _model.Assess(minilm.Claim(claim, Published), minilm.Article(article, Published));
        Assert.True(result.Related);
        Assert.True(result.Stance == Stance.Supports, $"{result.Stance}: {result.Probabilities}");
        Assert.Null(result.Reason);
        Assert.NotEmpty(result.Passages);
        Assert.Equal(0, result.Passages[0].Index);
    }

    [Theory]
    [InlineData("The striker Leon Baptiste scored the winning goal in the cup final.",
        "Leon Baptiste may have scored the winning goal in the cup final, according to unconfirmed reports from the stadium.\n" +
        "Officials have not yet reviewed the footage, and the club declined to comment.")]
    [InlineData("The ministry spent 40 million dollars on the new stadium.",
        "The ministry spent 40 million dollars on the new stadium, the opposition claimed falsely on Tuesday.\n" +
        "Audited accounts published by the court show that the ministry paid nothing towards the stadium.")]
    public void A_hedged_or_falsely_claimed_report_does_not_support(string claim, string article)
    {
        var result = _model.Assess(minilm.Claim(claim, Published), minilm.Article(article, Published));
        Assert.True(result.Related);
        Assert.NotEqual(Stance.Supports, result.Stance);
    }

    [Fact]
    public void An_article_on_another_story_is_unrelated()
    {
        var result = _model.Assess(minilm.Claim("The mayor opened the new harbour bridge on Tuesday.", Published),
            minilm.Article("The annual cheese festival drew record crowds to the valley.\nStalls sold goat cheese and honey until late.", Published));
        Assert.False(result.Related);
        Assert.Null(result.Stance);
        Assert.Empty(result.Discrepancies);
        Assert.True(result.Probabilities.Unrelated > 0.5);
    }

    [Theory]
    [InlineData("en", "fr")]
    [InlineData("de", "en")]
    public void Another_language_gets_similarity_only_with_a_reason(string claimLanguage, string articleLanguage)
    {
        var result = _model.Assess(
            minilm.Claim("The mayor opened the new harbour bridge on Tuesday.", Published, claimLanguage),
            minilm.Article("The mayor did not open the new harbour bridge on Tuesday; it is a hoax.\nThe bridge stays closed.", Published, articleLanguage));
        Assert.NotNull(result.Reason);
        Assert.Contains("not English", result.Reason);
        Assert.True(result.Stance is null or Stance.Mentions);
        Assert.Empty(result.Discrepancies);
    }

    [Fact]
    public void Probabilities_sum_to_one_and_the_score_is_the_chosen_outcomes()
    {
        var result = _model.Assess(minilm.Claim("Mayor Ines Calloway spoke to reporters about the new flood barriers.", Published),
            minilm.Article("Mayor Ines Calloway spoke to reporters about the new flood barriers on Thursday.", Published));
        var p = result.Probabilities;
        Assert.Equal(1.0, p.Unrelated + p.Supports + p.Contradicts + p.Mentions, 3);
        var chosen = result.Stance switch { Stance.Supports => p.Supports, Stance.Contradicts => p.Contradicts, Stance.Mentions => p.Mentions, _ => p.Unrelated };
        Assert.Equal(chosen, result.Score, 3);
    }

    [Fact]
    public void A_model_trained_on_other_features_is_refused_at_load()
    {
        var shipped = ((LearnedStanceModel)_model).File;
        var altered = new StanceModelFile
        {
            Name = shipped.Name, Features = [.. shipped.Features.Take(shipped.Features.Length - 1), "something_else"],
            Related = shipped.Related, Supports = shipped.Supports, Contradicts = shipped.Contradicts, Mentions = shipped.Mentions,
            RelatedThreshold = shipped.RelatedThreshold, SupportsWeight = shipped.SupportsWeight, ContradictsWeight = shipped.ContradictsWeight,
        };
        using var stream = new MemoryStream();
        altered.Write(stream);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => LearnedStanceModel.Load(stream));
    }
}
