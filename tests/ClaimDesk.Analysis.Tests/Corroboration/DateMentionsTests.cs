using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.Analysis.Tests.Corroboration;

public sealed class DateMentionsTests
{
    private static readonly DateOnly Published = new(2024, 12, 3);

    [Theory]
    [InlineData("The meeting took place on 23 November.", 2024, 11, 23)]
    [InlineData("The meeting took place on November 23.", 2024, 11, 23)]
    [InlineData("The meeting took place on Nov. 23.", 2024, 11, 23)]
    [InlineData("The meeting took place on Nov 23rd.", 2024, 11, 23)]
    [InlineData("The meeting took place on the 23rd of November.", 2024, 11, 23)]
    [InlineData("The meeting took place on 23/11.", 2024, 11, 23)]
    [InlineData("Filed 2024-11-23 by the desk.", 2024, 11, 23)]
    [InlineData("On 2 December the minister spoke.", 2024, 12, 2)]
    [InlineData("It was signed on 5 March 2019.", 2019, 3, 5)]
    [InlineData("It was signed on March 5, 2019.", 2019, 3, 5)]
    public void Every_way_news_writes_a_date_resolves_to_the_same_day(string text, int year, int month, int day)
    {
        var date = Assert.Single(DateMentions.Find(text, Published));
        Assert.Equal(new DateOnly(year, month, day), date.Date);
        Assert.Equal(date.Text, text[date.Start..date.End].Trim());
    }

    [Fact]
    public void A_date_without_a_year_is_read_in_the_year_before_publication_when_it_would_otherwise_lie_in_the_future()
    {
        var date = Assert.Single(DateMentions.Find("Talks began on 28 December.", new DateOnly(2025, 1, 10)));
        Assert.Equal(new DateOnly(2024, 12, 28), date.Date);
    }

    [Fact]
    public void An_ambiguous_numeric_date_is_read_in_the_order_that_lands_near_publication()
    {
        // 03/12/2024 printed by an outlet using day/month, published 3 December 2024.
        Assert.Equal(new DateOnly(2024, 12, 3), Assert.Single(DateMentions.Find("03/12/2024", new DateOnly(2024, 12, 3))).Date);
        // The same digits from a US outlet publishing in March.
        Assert.Equal(new DateOnly(2024, 3, 12), Assert.Single(DateMentions.Find("03/12/2024", new DateOnly(2024, 3, 13))).Date);
        // 25/11 can only be day/month (and, without a year, is the most recent 25 November).
        Assert.Equal(new DateOnly(2024, 11, 25), Assert.Single(DateMentions.Find("on 25/11", new DateOnly(2024, 12, 1))).Date);
    }

    [Theory]
    [InlineData("A 2 minute read.")]
    [InlineData("He may 3 times refuse.")]
    [InlineData("The score was 3/4 of the vote share 45/13.")]
    public void Things_that_are_not_dates_are_not_read_as_dates(string text)
    {
        var dates = DateMentions.Find(text, Published);
        Assert.DoesNotContain(dates, d => d.Text.Contains("minute") || d.Text.Contains("may", StringComparison.OrdinalIgnoreCase));
        Assert.True(dates.Count <= 1);
    }
}
