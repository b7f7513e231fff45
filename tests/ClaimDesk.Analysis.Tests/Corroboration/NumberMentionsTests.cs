using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.Analysis.Tests.Corroboration;

public sealed class NumberMentionsTests
{
    [Theory]
    [InlineData("Prices rose 3 percent last year.", 3)]
    [InlineData("Prices rose 3% last year.", 3)]
    [InlineData("Prices rose three percent last year.", 3)]
    [InlineData("Prices rose 3 per cent last year.", 3)]
    [InlineData("Prices rose 2.5% last year.", 2.5)]
    public void Percentages_are_read_in_every_spelling(string text, double value)
    {
        var number = Assert.Single(NumberMentions.Find(text));
        Assert.True(number.IsPercent);
        Assert.Equal((decimal)value, number.Value);
    }

    [Fact]
    public void Scales_and_units_are_kept_so_like_is_compared_with_like()
    {
        var numbers = NumberMentions.Find("The council approved 12 million euros and 1,200 new homes within 24 hours.");
        Assert.Contains(numbers, n => n.Value == 12_000_000m && n.Unit == "euro");
        Assert.Contains(numbers, n => n.Value == 1_200m && n.Unit == "new");
        Assert.Contains(numbers, n => n.Value == 24m && n.Unit == "hour");
    }

    [Fact]
    public void Numbers_inside_dates_are_left_to_the_date_reader()
    {
        var text = "They met on 23 November with 40 delegates.";
        var dates = DateMentions.Find(text, new DateOnly(2024, 12, 3));
        var numbers = NumberMentions.Find(text, dates.Select(d => (d.Start, d.End)).ToList());
        Assert.Equal(40m, Assert.Single(numbers).Value);
    }
}
