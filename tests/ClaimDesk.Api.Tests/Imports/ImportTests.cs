using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Imports;

[Collection(ApiCollection.Name)]
public sealed class ImportTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task An_archive_is_imported_in_one_request_with_each_line_checked_like_a_single_post()
    {
        var outlet = "Archive Outlet " + Guid.NewGuid().ToString("N")[..8];
        var held = await desk.Admin.RegisterOwnArticleAsync(outlet: outlet);
        var heldAtUrl = await desk.Admin.RegisterArticleAsync("Held at a URL", Stories.Unique().Article, outlet, url: $"https://archive.example.org/{Guid.NewGuid():N}");
        var stories = Enumerable.Range(0, 4).Select(_ => Stories.Unique()).ToList();
        var lines = new[]
        {
            /* 1 */ Line(outlet, stories[0], claims: [new { text = stories[0].Claim, claimant = "Amara Okafor" }]),
            /* 2 */ Line(outlet, stories[1], url: $"https://archive.example.org/{Guid.NewGuid():N}", claims: [new { text = stories[1].Claim }, new { text = "Local residents gathered to watch." }]),
            /* 3 */ JsonSerializer.Serialize(new { title = "Held text", text = held.GetProperty("text").GetString(), outlet }),
            /* 4 */ JsonSerializer.Serialize(new { title = "Held URL", text = Stories.Unique().Article, outlet, url = heldAtUrl.GetProperty("url").GetString() }),
            /* 5 */ "",
            /* 6 */ Line(outlet, stories[0], claims: []),                                                          // line 1's text again
            /* 7 */ "{ \"title\": \"Broken\", ",
            /* 8 */ JsonSerializer.Serialize(new { title = "Extra", text = stories[2].Article, outlet, section = "metro" }),
            /* 9 */ JsonSerializer.Serialize(new { text = stories[2].Article, outlet }),                           // no title
            /* 10 */ Line(outlet, stories[3], claims: [new { text = stories[3].Claim }, new { text = "A quote past the end.", quote = new { start = 0, end = 100_000 } }]),
        };
        var integration = await desk.As(Role.Integration);

        var response = await integration.PostAsync("/api/v1/imports", Ndjson(string.Join("\n", lines) + "\n"));

        await response.ShouldBe(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.ToString();
        Assert.Matches(@"^/api/v1/imports/\d+$", location);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(9, accepted.GetProperty("lines").GetInt32());

        var import = await WaitForCompletionAsync(integration, location);
        Assert.Equal(9, import.GetProperty("processed").GetInt32());
        Assert.Equal(2, import.GetProperty("registered").GetInt32());
        Assert.Equal(3, import.GetProperty("duplicates").GetInt32());
        Assert.Equal(4, import.GetProperty("failed").GetInt32());
        Assert.Equal(3, import.GetProperty("claims").GetInt32());

        var failures = import.GetProperty("failures");
        Assert.Equal(4, failures.GetProperty("total").GetInt32());
        var reasons = failures.GetProperty("items").EnumerateArray().ToDictionary(f => f.GetProperty("line").GetInt32(), f => f.GetProperty("reason").GetString()!);
        Assert.Equal([7, 8, 9, 10], reasons.Keys.Order());
        Assert.Contains("section", reasons[8]);
        Assert.StartsWith("title:", reasons[9]);
        Assert.StartsWith("claims[1].quote.end:", reasons[10]);
        var secondPage = await integration.GetFromJsonAsync<JsonElement>($"{location}?page=2&pageSize=3");
        Assert.Equal(10, Assert.Single(secondPage.GetProperty("failures").GetProperty("items").EnumerateArray()).GetProperty("line").GetInt32());

        // What was registered is what single posts would have made, in the uploader's name; a failed line left nothing behind.
        var articles = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles?outlet={Uri.EscapeDataString(outlet)}&pageSize=200");
        Assert.Equal(4, articles.GetProperty("total").GetInt32()); // the two held before, and lines 1 and 2
        var claims = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?outlet={Uri.EscapeDataString(outlet)}&pageSize=200");
        Assert.Equal(3, claims.GetProperty("total").GetInt32());
        Assert.DoesNotContain(claims.GetProperty("items").EnumerateArray(), c => c.GetProperty("text").GetString() == stories[3].Claim);
        var attributed = claims.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("text").GetString() == stories[0].Claim);
        Assert.Equal("Amara Okafor", attributed.GetProperty("claimant").GetString());
        var history = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{attributed.Id()}/history");
        Assert.Equal(ClaimDeskApiFactory.RoleUserName(Role.Integration), history.GetProperty("items").EnumerateArray().First().GetProperty("actor").GetString());
        // Corroboration starts by itself, as for a claim posted alone.
        await desk.Admin.WaitForStatusAsync(attributed.Id(), "needsReview");
    }

    [Fact]
    public async Task A_body_past_the_single_request_limit_is_streamed_and_a_line_too_long_is_reported()
    {
        var outlet = "Long Outlet " + Guid.NewGuid().ToString("N")[..8];
        var tooLong = JsonSerializer.Serialize(new { title = "Huge", text = new string('a', 2_200_000), outlet });
        var body = string.Join("\n", Line(outlet, Stories.Unique(), claims: []), tooLong, Line(outlet, Stories.Unique(), claims: []));
        Assert.True(Encoding.UTF8.GetByteCount(body) > 2 * 1024 * 1024);

        var response = await desk.Admin.PostAsync("/api/v1/imports", Ndjson(body));

        await response.ShouldBe(HttpStatusCode.Accepted);
        var import = await WaitForCompletionAsync(desk.Admin, response.Headers.Location!.ToString());
        Assert.Equal(2, import.GetProperty("registered").GetInt32());
        var failure = Assert.Single(import.GetProperty("failures").GetProperty("items").EnumerateArray());
        Assert.Equal(2, failure.GetProperty("line").GetInt32());
        Assert.Contains("longer than 2 MB", failure.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task What_is_not_an_import_is_refused()
    {
        var json = new StringContent(Line("X", Stories.Unique(), claims: []), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await desk.Admin.PostAsync("/api/v1/imports", json)).StatusCode);
        var empty = await desk.Admin.PostAsync("/api/v1/imports", Ndjson("\n\n"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("no articles", (await empty.ProblemAsync()).GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As(Role.Reader)).PostAsync("/api/v1/imports", Ndjson(Line("X", Stories.Unique(), claims: [])))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/imports/987654321")).StatusCode);
    }

    internal static string Line(string outlet, Stories.Story story, object[] claims, string? url = null) =>
        JsonSerializer.Serialize(new { title = "Archive " + Guid.NewGuid().ToString("N")[..6], text = story.Article, outlet, url, publishedAt = "2025-03-05", claims });

    internal static StringContent Ndjson(string body) => new(body, Encoding.UTF8, "application/x-ndjson");

    internal static async Task<JsonElement> WaitForCompletionAsync(HttpClient client, string location, int seconds = 60) =>
        await Eventually.SignalAsync(() => client.GetFromJsonAsync<JsonElement>(location),
            i => i.GetProperty("state").GetString() == "completed", $"import {location} completing", seconds);
}
