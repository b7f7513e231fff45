using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>What a desk does through the API, in a few words per step, so tests read like the desk at work.</summary>
public static class DeskApi
{
    public static async Task<JsonElement> RegisterArticleAsync(this HttpClient client, string title, string text, string outlet,
        DateOnly? publishedAt = null, string? url = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/articles", new { title, text, outlet, url, publishedAt });
        await response.ShouldBe(HttpStatusCode.Created, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<JsonElement> RegisterSampleAsync(this HttpClient client, SampleArticles.Sample sample) =>
        client.RegisterArticleAsync(sample.Title, sample.Text, sample.Outlet, sample.PublishedAt);

    /// <summary>
    /// An article of our own words, unique per call (see <see cref="Stories"/>). Background jobs can still link a test's
    /// claim to another article, as they should; tests that change claims use the *Fresh* helpers above.
    /// </summary>
    public static Task<JsonElement> RegisterOwnArticleAsync(this HttpClient client, string outlet = "Test Outlet", string? body = null) =>
        client.RegisterArticleAsync("A council story " + Guid.NewGuid().ToString("N")[..8],
            body ?? Stories.Unique().Article, outlet, new DateOnly(2025, 3, 5));

    public static async Task<JsonElement> RegisterClaimAsync(this HttpClient client, long articleId, string text, int? start = null, int? end = null, string? claimant = null)
    {
        object body = start is null
            ? new { articleId, text, claimant }
            : new { articleId, text, quote = new { start, end }, claimant };
        var response = await client.PostAsJsonAsync("/api/v1/claims", body);
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<(JsonElement Claim, string ETag)> GetClaimAsync(this HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/v1/claims/{id}");
        await response.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.ToString());
    }

    /// <summary>Waits until background jobs bring the claim to a status (real Hangfire processing, bounded wait).</summary>
    public static async Task<(JsonElement Claim, string ETag)> WaitForStatusAsync(this HttpClient client, long id, string status, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var (claim, etag) = await client.GetClaimAsync(id);
            if (claim.GetProperty("status").GetString() == status) return (claim, etag);
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Claim {id} stayed {claim.GetProperty("status").GetString()}; expected {status}.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Reads the claim's ETag and moves it. Background jobs (new evidence from other articles) may change the claim
    /// between the read and the move; that 412 is the desk working as designed, so the read is simply repeated.
    /// </summary>
    public static async Task<HttpResponseMessage> TransitionFreshAsync(this HttpClient client, long id, object body)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (_, etag) = await client.GetClaimAsync(id);
            var response = await client.TransitionAsync(id, etag, body);
            if (response.StatusCode != HttpStatusCode.PreconditionFailed || attempt == 5) return response;
        }
    }

    /// <summary>The same, for any change that needs If-Match.</summary>
    public static async Task<HttpResponseMessage> PostFreshAsync(this HttpClient client, long id, string path, object body)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (_, etag) = await client.GetClaimAsync(id);
            var response = await client.PostWithIfMatchAsync(path, etag, body);
            if (response.StatusCode != HttpStatusCode.PreconditionFailed || attempt == 5) return response;
        }
    }

    public static Task<HttpResponseMessage> TransitionAsync(this HttpClient client, long id, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/claims/{id}/transitions") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostWithIfMatchAsync(this HttpClient client, string path, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    /// <summary>A claim's evidence items, best first (the first 200: one page).</summary>
    public static async Task<List<JsonElement>> EvidenceOfAsync(this HttpClient client, long claimId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claimId}/evidence?pageSize=200")).GetProperty("items").EnumerateArray().ToList();

    public static long Id(this JsonElement element) => element.GetProperty("id").GetInt64();

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An audit entry's before/after/detail object as compact JSON text, with its characters unescaped, to look into.</summary>
    public static string AuditText(this JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "" : System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText())!.ToJsonString(Readable);

    public static async Task ShouldBe(this HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        if (expected.Contains(response.StatusCode)) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"Expected {string.Join(" or ", expected)} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
