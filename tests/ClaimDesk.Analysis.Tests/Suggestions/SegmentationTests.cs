using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Tests.Suggestions;

public sealed class SegmentationTests
{
    private static List<string> Sentences(string text) => PassageSplitter.Split(text).Select(p => p.Slice(text)).ToList();

    [Fact]
    public void Abbreviations_and_initials_do_not_end_sentences()
    {
        var text = "Gen. Kellogg met U.S. officials on Dec. 2 in Washington. Mr. J. Smith of the U.N. was not there. The talks went on.";
        Assert.Equal([
            "Gen. Kellogg met U.S. officials on Dec. 2 in Washington.",
            "Mr. J. Smith of the U.N. was not there.",
            "The talks went on.",
        ], Sentences(text));
    }

    [Fact]
    public void A_quotation_running_over_several_sentences_stays_whole()
    {
        var text = "“We will not wait. We will act now. Nobody else will,” the minister said. Reporters left.";
        Assert.Equal(["“We will not wait. We will act now. Nobody else will,” the minister said.", "Reporters left."], Sentences(text));
    }

    [Fact]
    public void Bullets_lose_their_marker_and_lines_are_paragraphs()
    {
        var text = "Key points\n\n  • The port reopened on Monday\n  • Two ferries were cancelled.\nThe mayor visited.";
        var passages = PassageSplitter.Split(text);
        Assert.Equal(["Key points", "The port reopened on Monday", "Two ferries were cancelled.", "The mayor visited."], passages.Select(p => p.Slice(text)));
        Assert.Equal([0, 1, 2, 3], passages.Select(p => p.Paragraph));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    public void Offsets_round_trip_exactly_on_the_samples(string sample)
    {
        var text = SampleArticles.Read(sample);
        var passages = PassageSplitter.Split(text);
        Assert.NotEmpty(passages);
        foreach (var p in passages)
        {
            var slice = text[p.Start..p.End];
            Assert.Equal(slice.Trim(), slice);
            Assert.NotEmpty(slice);
        }
        Assert.True(passages.Zip(passages.Skip(1)).All(pair => pair.First.End <= pair.Second.Start));
    }
}
