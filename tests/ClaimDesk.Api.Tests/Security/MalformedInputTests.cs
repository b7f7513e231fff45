using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Security;

/// <summary>Bad input of every kind gets a clear 4xx problem, never a 5xx, and nothing stored changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedInputTests(ClaimDeskApiFactory desk)
{
    private static readonly string Huge = new('x', 600_000);

    public static TheoryData<string, string> BadBodies => new()
    {
        { "/api/v1/articles", "{" },
        { "/api/v1/articles", "not json at all" },
        { "/api/v1/articles", "[]" },
        { "/api/v1/articles", "null" },
        { "/api/v1/articles", """{"title": 42, "text": "t", "outlet": "o"}""" },
        { "/api/v1/articles", """{"title": "t", "text": ["a"], "outlet": "o"}""" },
        { "/api/v1/articles", """{"title": "t", "text": "body", "outlet": "o", "publishedAt": "yesterday"}""" },
        { "/api/v1/articles", """{"title": "t", "text": "body", "outlet": "o", "publishedAt": "2024-13-45"}""" },
        { "/api/v1/articles", $$"""{"title": "{{new string('t', 5000)}}", "text": "body", "outlet": "o"}""" },
        { "/api/v1/articles", $$"""{"title": "t", "text": "{{Huge}}", "outlet": "o"}""" },
        { "/api/v1/articles", """{"title": "   ", "text": "   ", "outlet": "   "}""" },
        { "/api/v1/claims", """{"articleId": "one", "text": "t"}""" },
        { "/api/v1/claims", """{"articleId": 1.5, "text": "t"}""" },
        { "/api/v1/claims", """{"articleId": 99999999999999999999999, "text": "t"}""" },
        { "/api/v1/claims", """{"articleId": -4, "text": "t"}""" },
        { "/api/v1/claims", """{"articleId": 1, "text": "t", "kind": "rumour"}""" },
        { "/api/v1/claims", """{"articleId": 1, "text": "t", "kind": 7}""" },
        { "/api/v1/claims", """{"articleId": 1, "text": "t", "quote": "0-5"}""" },
        { "/api/v1/claims", """{"articleId": 1, "text": "t", "quote": {"start": -3, "end": 2}}""" },
        { "/api/v1/claims", $$"""{"articleId": 1, "text": "{{new string('c', 10_000)}}"}""" },
        { "/api/v1/claims", """{"articleId": 1}""" },
        { "/api/v1/api-keys", """{"name": "x", "role": "superuser"}""" },
        { "/api/v1/api-keys", """{"name": "", "role": "reader"}""" },
        { "/api/v1/api-keys", """{"name": "<script>", "role": "reader"}""" },
        { "/api/v1/outlets", """{"name": null}""" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_malformed_body_is_a_4xx_problem_and_stores_nothing(string path, string body)
    {
        var before = await CountsAsync();
        var response = await desk.Admin.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path} {Shorten(body)} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await response.ProblemAsync();
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413_and_stores_nothing()
    {
        var before = await CountsAsync();
        var oversize = JsonSerializer.Serialize(new { title = "t", text = new string('y', 3 * 1024 * 1024), outlet = "o" });
        var response = await desk.Admin.PostAsync("/api/v1/articles", new StringContent(oversize, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Wrong_content_type_and_bad_query_strings_are_4xx()
    {
        var form = await desk.Admin.PostAsync("/api/v1/articles", new StringContent("title=t", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.InRange((int)form.StatusCode, 400, 499);
        foreach (var query in new[] { "page=0", "page=abc", "pageSize=-1", "kind=gossip", "sort=random", "unassigned=maybe", "assignee=a&unassigned=true" })
        {
            var response = await desk.Admin.GetAsync($"/api/v1/claims?{query}");
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{query} → {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/claims/not-a-number")).StatusCode);
    }

    private async Task<(int Articles, int Claims)> CountsAsync()
    {
        var articles = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/articles?pageSize=1");
        var claims = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?pageSize=1");
        return (articles.GetProperty("total").GetInt32(), claims.GetProperty("total").GetInt32());
    }

    private static string Shorten(string body) => body.Length > 80 ? body[..80] + "…" : body;
}
