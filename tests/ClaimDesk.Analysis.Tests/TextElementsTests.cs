using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Tests;

public sealed class TextElementsTests
{
    [Theory]
    [InlineData("The mayor smiled.", 4, true)]
    [InlineData("The mayor smiled.", 0, true)]
    [InlineData("The mayor smiled.", 17, true)]
    [InlineData("Smiled 🙂 today", 7, true)]   // before the pair
    [InlineData("Smiled 🙂 today", 8, false)]  // between its halves
    [InlineData("Smiled 🙂 today", 9, true)]   // after it
    [InlineData("A cafe\u0301 owner", 6, false)] // between 'e' and its combining accent
    [InlineData("A cafe\u0301 owner", 7, true)]
    [InlineData("A cafe\u0301 owner", 5, true)]
    [InlineData("Line one\r\nLine two", 9, false)] // CR LF is one element
    [InlineData("Line one\r\nLine two", 10, true)]
    [InlineData("Flags 🇳🇴🇩🇰 here", 10, true)]   // between two flags (each two regional indicators)
    [InlineData("Flags 🇳🇴🇩🇰 here", 8, false)]   // inside the first flag
    [InlineData("Family 👩‍👧 here", 9, false)]      // inside a joined emoji sequence
    public void An_offset_inside_a_character_is_not_a_boundary(string text, int offset, bool expected)
    {
        Assert.Equal(expected, TextElements.IsBoundary(text, offset));
    }

    [Fact]
    public void Offsets_outside_the_text_are_not_boundaries()
    {
        Assert.False(TextElements.IsBoundary("abc", -1));
        Assert.False(TextElements.IsBoundary("abc", 4));
    }

    [Fact]
    public void Every_offset_agrees_with_a_walk_from_the_start_of_the_text()
    {
        const string text = "Ein Café\u0301 🙂 in Tromsø. Η Αθήνα 👩‍👧‍👦 και 🇳🇴🇩🇰.\nNext line\r\n  with  spaces ठीक है";
        var boundaries = new HashSet<int> { 0 };
        for (var at = 0; at < text.Length;) boundaries.Add(at += System.Globalization.StringInfo.GetNextTextElementLength(text.AsSpan(at)));
        for (var offset = 0; offset <= text.Length; offset++)
            Assert.True(boundaries.Contains(offset) == TextElements.IsBoundary(text, offset), $"offset {offset}");
    }
}
