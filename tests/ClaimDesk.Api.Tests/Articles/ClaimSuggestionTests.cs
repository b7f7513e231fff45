using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Articles;

[Collection(ApiCollection.Name)]
public sealed class ClaimSuggestionTests(ClaimDeskApiFactory desk)
{
    private async Task<List<JsonElement>> SuggestionsAsync(long articleId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await desk.Admin.GetAsync($"/api/v1/articles/{articleId}/claim-suggestions?pageSize=200");
            if (response.StatusCode == HttpStatusCode.OK)
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode); // the job has not run yet
            Assert.NotNull(response.Headers.RetryAfter);
            if (DateTime.UtcNow > deadline) throw new TimeoutException("suggestions never came");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Suggestions_are_stored_at_registration_with_exact_offsets_most_check_worthy_first()
    {
        var sample = SampleArticles.Get("002");
        var article = await desk.Admin.RegisterSampleAsync(sample);

        var suggestions = await SuggestionsAsync(article.Id());

        Assert.NotEmpty(suggestions);
        foreach (var s in suggestions)
            Assert.Equal(sample.Text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()], s.GetProperty("text").GetString());
        var scores = suggestions.Select(s => s.GetProperty("checkWorthiness").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(x => x), scores);
    }

    [Fact]
    public async Task Suggestions_of_an_unknown_article_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/articles/987654321/claim-suggestions")).StatusCode);
    }
}
