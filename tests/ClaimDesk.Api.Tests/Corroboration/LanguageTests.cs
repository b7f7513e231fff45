using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Corroboration;

/// <summary>
/// The stance model learned English. An article or a claim in another language is never given an English-trained
/// label: close enough in meaning, it is a similarity-only "mentions", and the evidence item says why.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LanguageTests(ClaimDeskApiFactory desk)
{
    private async Task<JsonElement> RegisterAsync(string title, string text, string outlet, string language)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { title, text, outlet, language, publishedAt = new DateOnly(2025, 3, 15) });
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<List<JsonElement>> EvidenceFromAsync(long claimId, long articleId) =>
        Eventually.ReadUntilAsync(async () => (await desk.Admin.EvidenceOfAsync(claimId))
            .Where(e => e.GetProperty("article").ValueKind == JsonValueKind.Object && e.GetProperty("article").GetProperty("id").GetInt64() == articleId).ToList(),
            found => found.Count > 0, seconds: 60);

    [Fact]
    public async Task An_article_or_a_claim_not_in_english_gets_a_similarity_only_mention_with_the_reason()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (person, place) = ($"Ilka Brandvold-{tag}", $"Skarvik-{tag}");
        var english = await RegisterAsync("Tidal station opens",
            $"Minister {person} opened the tidal power station in {place} on 14 March. The station has twelve turbines.", $"Coast Ledger {tag}", "en");
        // A Norwegian paper quoting the English wire word for word: close in meaning, but an article the model cannot read.
        var quoted = $"Minister {person} opened the tidal power station in {place} on 14 March";
        var norwegian = await RegisterAsync("Tidevannskraftverk åpnet",
            $"«{quoted}», skriver nyhetsbyrået. Kraftverket har tolv turbiner, og mange var til stede ved åpningen.", $"Kystavisen {tag}", "nb");

        // An English claim: the Norwegian article is judged by similarity only.
        var englishClaim = await desk.Admin.RegisterClaimAsync(english.Id(), quoted);
        var fromNorwegian = Assert.Single(await EvidenceFromAsync(englishClaim.Id(), norwegian.Id()));
        Assert.Equal("mentions", fromNorwegian.GetProperty("stance").GetString());
        Assert.Contains("'nb' is not English", fromNorwegian.GetProperty("modelNote").GetString());
        Assert.Empty(fromNorwegian.GetProperty("discrepancies").EnumerateArray());
        Assert.NotEmpty(fromNorwegian.GetProperty("passages").EnumerateArray());

        // A claim from the Norwegian article: its language is its article's, so even the English report is only a mention.
        var norwegianClaim = await desk.Admin.RegisterClaimAsync(norwegian.Id(), quoted);
        var fromEnglish = Assert.Single(await EvidenceFromAsync(norwegianClaim.Id(), english.Id()));
        Assert.Equal("mentions", fromEnglish.GetProperty("stance").GetString());
        Assert.Contains("'nb' is not English", fromEnglish.GetProperty("modelNote").GetString());

        // The English claim's English evidence is the model's: no note.
        Assert.DoesNotContain(await desk.Admin.EvidenceOfAsync(englishClaim.Id()),
            e => e.GetProperty("article").ValueKind == JsonValueKind.Object && e.GetProperty("article").GetProperty("id").GetInt64() == english.Id());
    }
}
