using ClaimDesk.Analysis.Suggestions;
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Tests.Suggestions;

public sealed class ClaimSuggesterTests
{
    private const string Aside = "It’s worth noting that Russia did not invade its neighbors during Trump’s first term, unlike under other administrations.";

    [Fact]
    public void The_aside_in_002_is_suggested_high_and_marked_editorial_with_its_signals()
    {
        var text = SampleArticles.Read("002");
        var suggestions = ClaimSuggester.Suggest(text);

        var aside = Assert.Single(suggestions, s => s.Text == Aside);
        Assert.Equal(ClaimKind.Editorial, aside.Kind);
        Assert.Null(aside.Claimant);
        Assert.Contains(aside.Signals, s => s.Code == "editorialAside");
        Assert.Contains(aside.Signals, s => s.Code == "counterfactualComparison");
        var rank = suggestions.OrderByDescending(s => s.CheckWorthiness).ToList().IndexOf(aside);
        Assert.InRange(rank, 0, 4);
        Assert.Equal(Aside, text[aside.Start..aside.End]);
    }

    [Fact]
    public void The_rutte_quotes_in_002_are_attributed_to_rutte()
    {
        var suggestions = ClaimSuggester.Suggest(SampleArticles.Read("002"));
        var quotes = suggestions.Where(s => s.Text.StartsWith('“')).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q =>
        {
            Assert.Equal(ClaimKind.Attributed, q.Kind);
            Assert.Equal("Rutte", q.Claimant);
            Assert.Contains(q.Signals, s => s.Code == "attribution");
        });
    }

    [Fact]
    public void Page_furniture_of_000_is_not_suggested()
    {
        var suggestions = ClaimSuggester.Suggest(SampleArticles.Read("000"));
        foreach (var chrome in new[] { "byYuri Zoria", "03/12/2024", "2 minute read", "Source: Screenshot", "NATO Secretary-General Mark Rutte.", "NATO chief warns Trump:" })
            Assert.DoesNotContain(suggestions, s => s.Text.StartsWith(chrome, StringComparison.Ordinal) && s.Text.Length < 100);
    }

    [Fact]
    public void Read_also_links_and_subheadings_of_001_are_not_suggested()
    {
        var suggestions = ClaimSuggester.Suggest(SampleArticles.Read("001"));
        Assert.DoesNotContain(suggestions, s => s.Text.StartsWith("Read also", StringComparison.Ordinal) || s.Text.StartsWith("Image source", StringComparison.Ordinal));
        Assert.DoesNotContain(suggestions, s => s.Text == "Meeting with Trump");
    }

    [Fact]
    public void Checkable_facts_rank_above_vague_opinion_and_questions()
    {
        const string text = "The council approved a budget of 12 million euros on 4 March after a 31 to 12 vote.\n" +
                            "Some people might think this is perhaps a good thing.\n" +
                            "Will the mayor keep her promise?";
        var suggestions = ClaimSuggester.Suggest(text);
        Assert.Equal(3, suggestions.Count);
        Assert.True(suggestions[0].CheckWorthiness > suggestions[1].CheckWorthiness);
        Assert.True(suggestions[1].CheckWorthiness > suggestions[2].CheckWorthiness);
        Assert.Contains(suggestions[0].Signals, s => s.Code == "number" && s.Weight > 0);
        Assert.Contains(suggestions[1].Signals, s => s.Code == "hedge" && s.Weight < 0);
        Assert.Contains(suggestions[2].Signals, s => s.Code == "question" && s.Weight < 0);
    }

    [Theory]
    [InlineData("The harbour will close, the minister said.", "minister")]
    [InlineData("According to the Coastal Authority, the harbour will close.", "Coastal Authority")]
    [InlineData("Okafor warned that the harbour would close.", "Okafor")]
    [InlineData("The harbour will close, said Okafor.", "Okafor")]
    public void Reported_speech_is_attributed_with_its_speaker(string sentence, string speaker)
    {
        var suggestion = ClaimSuggester.Assess(sentence, new TextSpan(0, sentence.Length));
        Assert.Equal(ClaimKind.Attributed, suggestion.Kind);
        Assert.Contains(speaker, suggestion.Claimant ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_pronoun_speaker_is_the_last_named_speaker()
    {
        const string text = "Okafor said the port would reopen. He added that two ferries were cancelled on Monday.";
        var suggestions = ClaimSuggester.Suggest(text);
        Assert.Equal("Okafor", suggestions[1].Claimant);
    }

    [Fact]
    public void A_span_inside_the_aside_is_editorial_in_its_sentences_context()
    {
        var text = SampleArticles.Read("002");
        var start = text.IndexOf("Russia did not invade", StringComparison.Ordinal);
        var span = new TextSpan(start, text.IndexOf(", unlike", start, StringComparison.Ordinal));
        var assessment = ClaimSuggester.Assess(text, span);
        Assert.Equal(ClaimKind.Editorial, assessment.Kind);
        Assert.Equal(span.Slice(text), assessment.Text);
        Assert.True(assessment.CheckWorthiness >= 0.7);
    }

    [Fact]
    public void The_outlets_plain_statement_of_an_event_is_factual()
    {
        var text = SampleArticles.Read("001");
        var meeting = Assert.Single(ClaimSuggester.Suggest(text), s => s.Text.Contains("22 November"));
        Assert.Equal(ClaimKind.Factual, meeting.Kind);
        Assert.Contains(meeting.Signals, s => s.Code == "date");
    }
}
