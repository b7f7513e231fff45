using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Articles;

[Collection(ApiCollection.Name)]
public sealed class ArticleRegistrationTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task A_sample_article_is_stored_with_passages_whose_offsets_point_into_its_text()
    {
        var sample = SampleArticles.Get("002");
        var article = await desk.Admin.RegisterSampleAsync(sample);

        var fetched = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{article.Id()}");
        Assert.Equal(sample.Outlet, fetched.GetProperty("outlet").GetProperty("name").GetString());
        Assert.Equal("2024-12-03", fetched.GetProperty("publishedAt").GetString());
        var text = fetched.GetProperty("text").GetString()!;
        Assert.Equal(sample.Text, text);
        var passages = fetched.GetProperty("passages").EnumerateArray().ToList();
        Assert.True(passages.Count > 10, $"expected the article split into passages, got {passages.Count}");
        foreach (var passage in passages)
        {
            var start = passage.GetProperty("start").GetInt32();
            var end = passage.GetProperty("end").GetInt32();
            Assert.Equal(text[start..end], passage.GetProperty("text").GetString());
        }
        Assert.Contains(passages, p => p.GetProperty("text").GetString()!.Contains("Russia did not invade its neighbors"));
    }

    [Fact]
    public async Task Posting_the_same_text_again_returns_the_existing_article_not_a_copy()
    {
        var first = await desk.Admin.RegisterOwnArticleAsync();
        var text = first.GetProperty("text").GetString()!;

        // The same words with other line breaks and spacing are the same article.
        var again = await desk.Admin.PostAsJsonAsync("/api/v1/articles",
            new { title = "Another title", text = "  " + text.Replace(" ", "\n "), outlet = "Some Other Outlet" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var existing = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.Id(), existing.Id());
        Assert.Equal(first.GetProperty("title").GetString(), existing.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_new_article_answers_201_with_its_location()
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles",
            new { title = "Harbour report", text = $"The harbour handled 4.2 million containers in 2024. Id {Guid.NewGuid()}.", outlet = "Port Weekly" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/articles/{created.Id()}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Articles_are_paged_with_a_total_and_filter_by_outlet_and_text()
    {
        var outlet = "Paging Gazette " + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++) await desk.Admin.RegisterOwnArticleAsync(outlet, $"Story number {i} about bridges and tolls.");

        var page1 = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles?outlet={Uri.EscapeDataString(outlet)}&pageSize=2&page=1");
        var page3 = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles?outlet={Uri.EscapeDataString(outlet)}&pageSize=2&page=3");
        Assert.Equal(5, page1.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page3.GetProperty("items").GetArrayLength());

        var byText = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles?outlet={Uri.EscapeDataString(outlet)}&q=number%203");
        Assert.Equal(1, byText.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Page_size_is_bounded()
    {
        var response = await desk.Admin.GetAsync("/api/v1/articles?pageSize=5000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task An_unknown_article_is_a_404_problem()
    {
        var response = await desk.Admin.GetAsync("/api/v1/articles/987654321");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Each_missing_field_is_named_in_the_400()
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { title = "", url = "ftp://example.org/x", language = "not a language" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "title", "text", "outlet", "url", "language" })
            Assert.True(errors.TryGetProperty(field, out _), $"'{field}' should be named in {errors}");
    }

    [Fact]
    public async Task Articles_racing_to_name_a_new_outlet_or_post_the_same_text_are_all_answered_as_if_they_came_one_by_one()
    {
        // Sixteen articles of one outlet nobody has named yet, sent at once: the outlet is created once, every article stored.
        var outlet = "Racing Outlet " + Guid.NewGuid().ToString("N")[..8];
        var stories = Enumerable.Range(0, 16).Select(_ => Stories.Unique()).ToList();
        var answers = await Task.WhenAll(stories.Select(story =>
            desk.Admin.PostAsJsonAsync("/api/v1/articles", new { title = "A report", text = story.Article, outlet })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var held = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles?outlet={Uri.EscapeDataString(outlet)}&pageSize=50");
        Assert.Equal(16, held.GetProperty("total").GetInt32());
        var outlets = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/outlets?pageSize=200");
        Assert.Single(outlets.GetProperty("items").EnumerateArray(), o => o.GetProperty("name").GetString() == outlet);

        // The same new text sent eight times at once: one article, and every answer names it (201 once, 200 after).
        var same = Stories.Unique();
        var posts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            desk.Admin.PostAsJsonAsync("/api/v1/articles", new { title = "The same report", text = same.Article, outlet })));
        Assert.Single(posts, p => p.StatusCode == HttpStatusCode.Created);
        Assert.All(posts, p => Assert.True(p.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)p.StatusCode}"));
        var ids = await Task.WhenAll(posts.Select(async p => (await p.Content.ReadFromJsonAsync<JsonElement>()).Id()));
        Assert.Single(ids.Distinct());
    }
}
