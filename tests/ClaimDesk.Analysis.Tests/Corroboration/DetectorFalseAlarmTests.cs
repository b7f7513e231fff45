using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.Analysis.Tests.Corroboration;

/// <summary>
/// The rule detectors are the stance model's features and the reviewer's explanation, so they must not invent
/// mismatches: a date written with an abbreviated month, an editor's bracketed gloss inside a quote and a person named
/// by their office are not another actor; a hedged or falsely-claimed report does not support.
/// </summary>
public sealed class DetectorFalseAlarmTests
{
    private static readonly DateOnly Published = new(2025, 3, 5);

    [Theory]
    [InlineData("Okafor reopened the harbour bridge on 4 December.", "The harbour bridge, closed since Sept. reopened on Dec. 4 after Okafor cut the ribbon.")]
    [InlineData("Okafor reopened the harbour bridge on 4 December.", "Shut for repairs, the harbour bridge Dec. 4 reopened, Okafor said.")]
    public void An_abbreviated_month_is_not_an_actor(string claim, string passage)
    {
        var result = StanceClassifier.Classify(claim, Published, passage, Published, 0.8);
        Assert.DoesNotContain(result.Discrepancies, d => d.Kind == DiscrepancyKind.Actor);
    }

    [Fact]
    public void An_editors_bracketed_insertion_in_a_quote_is_not_an_actor()
    {
        var result = StanceClassifier.Classify("Lindqvist vetoed the harbour bill.", Published,
            "“The mayor [of Tromsø] vetoed the harbour bill,” an aide to Lindqvist said.", Published, 0.75);
        Assert.DoesNotContain(result.Discrepancies, d => d.Kind == DiscrepancyKind.Actor);
    }

    [Theory]
    [InlineData("The Speaker vetoed the harbour bill on Friday.")]
    [InlineData("The league's Secretary General vetoed the harbour bill on Friday.")]
    [InlineData("Norway's Harbour Commissioner vetoed the harbour bill on Friday.")]
    public void A_person_named_by_office_is_not_another_actor(string passage)
    {
        var result = StanceClassifier.Classify("Lindqvist vetoed the harbour bill.", Published, passage, Published, 0.75);
        Assert.DoesNotContain(result.Discrepancies, d => d.Kind == DiscrepancyKind.Actor);
    }

    [Fact]
    public void A_person_named_by_office_where_the_claim_names_an_office_is_not_another_actor()
    {
        // The claim's "leaders" is matched by "the Danish leader": a person named by office, not a rival actor.
        var result = StanceClassifier.Classify("Halvorsen said leaders of the alliance should not be celebrating the deal.", Published,
            "“We cannot have the Danish leader and the others celebrating a bad deal,” Halvorsen said.", Published, 0.75);
        Assert.DoesNotContain(result.Discrepancies, d => d.Kind == DiscrepancyKind.Actor);
    }

    [Fact]
    public void Another_named_person_doing_it_is_still_an_actor_discrepancy()
    {
        var result = StanceClassifier.Classify("Lindqvist vetoed the harbour bill.", Published,
            "President Okafor vetoed the harbour bill on Friday.", Published, 0.75);
        var actor = Assert.Single(result.Discrepancies, d => d.Kind == DiscrepancyKind.Actor);
        Assert.Equal("Okafor", actor.PassageValue);
    }

    [Theory]
    [InlineData("The council approved a budget of 12 million euros, the mayor's rivals claimed falsely.")]
    [InlineData("The council may have approved a budget of 12 million euros on Tuesday.")]
    [InlineData("The council reportedly approved a budget of 12 million euros.")]
    public void A_hedged_or_falsely_claimed_report_does_not_support(string passage)
    {
        var result = StanceClassifier.Classify("The council approved a budget of 12 million euros.", Published, passage, Published, 0.86);
        Assert.NotEqual(Stance.Supports, result.Stance);
    }

    [Fact]
    public void The_same_report_stated_plainly_supports()
    {
        var result = StanceClassifier.Classify("The council approved a budget of 12 million euros.", Published,
            "On Tuesday the council approved a budget of 12 million euros.", Published, 0.86);
        Assert.Equal(Stance.Supports, result.Stance);
    }
}
