using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.Analysis.Tests.Corroboration;

/// <summary>
/// The classifier takes the semantic similarity as an input (the embedder lives outside the analysis library);
/// these tests give it the similarity MiniLM gives such pairs (paraphrase ≈ 0.75+, same topic ≈ 0.5).
/// </summary>
public sealed class StanceClassifierTests
{
    private static readonly DateOnly Published = new(2025, 3, 5);

    [Fact]
    public void The_same_meeting_on_another_day_contradicts_with_a_date_discrepancy()
    {
        // "met" and "held a meeting" no longer meet by a hand-kept irregular-verb list: the passage says "met" too.
        var result = StanceClassifier.Classify("The mayor met the union leaders on 4 March.", Published,
            "On 3 March the mayor met the union leaders at the town hall.", Published, 0.66);

        Assert.Equal(Stance.Contradicts, result.Stance);
        var discrepancy = Assert.Single(result.Discrepancies);
        Assert.Equal(DiscrepancyKind.Date, discrepancy.Kind);
        Assert.Equal("2025-03-04", discrepancy.ClaimValue);
        Assert.Equal("2025-03-03", discrepancy.PassageValue);
    }

    [Fact]
    public void The_same_meeting_on_the_same_day_written_another_way_supports()
    {
        var result = StanceClassifier.Classify("The mayor met the union leaders on 4 March.", Published,
            "On March 4 the mayor met union leaders to discuss the strike.", Published, 0.8);
        Assert.Equal(Stance.Supports, result.Stance);
        Assert.Empty(result.Discrepancies);
    }

    [Theory]
    [InlineData("Unemployment fell to 3 percent in the region.", "Unemployment in the region fell to 4% according to the agency.", "3 percent", "4%")]
    [InlineData("The council approved a budget of 12 million euros.", "The council approved a budget of 15 million euros on Tuesday.", "12 million euros", "15 million euros")]
    public void A_different_figure_for_the_same_thing_contradicts_with_a_number_discrepancy(string claim, string passage, string claimValue, string passageValue)
    {
        var result = StanceClassifier.Classify(claim, Published, passage, Published, 0.8);
        Assert.Equal(Stance.Contradicts, result.Stance);
        var discrepancy = Assert.Single(result.Discrepancies, d => d.Kind == DiscrepancyKind.Number);
        Assert.Equal(claimValue, discrepancy.ClaimValue);
        Assert.Equal(passageValue, discrepancy.PassageValue);
    }

    [Fact]
    public void A_percentage_is_not_compared_with_a_count()
    {
        var result = StanceClassifier.Classify("Unemployment fell to 3 percent in the region.", Published,
            "Unemployment fell to 3% in the region, where 40 factories closed.", Published, 0.85);
        Assert.Equal(Stance.Supports, result.Stance);
    }

    [Fact]
    public void A_denial_of_the_same_act_contradicts_with_a_negation_discrepancy()
    {
        var result = StanceClassifier.Classify("The minister signed the treaty in Geneva.", Published,
            "The minister did not sign the treaty in Geneva, officials said.", Published, 0.78);
        Assert.Equal(Stance.Contradicts, result.Stance);
        Assert.Contains(result.Discrepancies, d => d.Kind == DiscrepancyKind.Negation && d.ClaimValue == "affirmed" && d.PassageValue == "negated");
    }

    [Fact]
    public void Not_only_but_also_is_not_a_denial()
    {
        var result = StanceClassifier.Classify("Tariffs hurt farmers in Ohio.", Published,
            "Tariffs hurt not only farmers in Ohio but also steel workers.", Published, 0.8);
        Assert.DoesNotContain(result.Discrepancies, d => d.Kind == DiscrepancyKind.Negation);
    }

    [Fact]
    public void Another_actor_doing_the_thing_contradicts_with_an_actor_discrepancy()
    {
        var result = StanceClassifier.Classify("Lindqvist vetoed the harbour bill.", Published,
            "Okafor vetoed the harbour bill on Friday evening.", Published, 0.7);
        Assert.Equal(Stance.Contradicts, result.Stance);
        var discrepancy = Assert.Single(result.Discrepancies, d => d.Kind == DiscrepancyKind.Actor);
        Assert.Equal("Lindqvist", discrepancy.ClaimValue);
        Assert.Equal("Okafor", discrepancy.PassageValue);
    }

    [Fact]
    public void A_paraphrase_supports()
    {
        // "celebrating a deal" for "high-fiving because of a deal".
        var result = StanceClassifier.Classify("Rivals would be high-fiving because of a bad deal for the alliance.", Published,
            "Rivals would be celebrating a deal that undermines the alliance.", Published, 0.8);
        Assert.Equal(Stance.Supports, result.Stance);
    }

    [Fact]
    public void A_passage_on_the_same_topic_asserting_something_else_only_mentions()
    {
        var result = StanceClassifier.Classify("The harbour did not flood during the mayor's first term.", Published,
            "The mayor worked closely with the harbour authority during her first term.", Published, 0.5);
        Assert.Equal(Stance.Mentions, result.Stance);
        Assert.Empty(result.Discrepancies);
    }

    [Fact]
    public void A_related_passage_missing_the_claims_date_does_not_support()
    {
        var result = StanceClassifier.Classify("The mayor met the union leaders on 4 March.", Published,
            "The mayor recently met the union leaders.", Published, 0.8);
        Assert.NotEqual(Stance.Supports, result.Stance);
    }
}
