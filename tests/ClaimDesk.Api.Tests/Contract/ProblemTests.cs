using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimDesk.Api.Contract;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Contract;

[Collection(ApiCollection.Name)]
public sealed class ProblemTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task Every_problem_carries_a_stable_code_a_type_page_the_desk_serves_and_a_trace_id()
    {
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        var (_, etag) = await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        var reader = await desk.As(Core.Domain.Role.Reader);

        var answers = new List<(string Expected, HttpResponseMessage Response)>
        {
            ("not-found", await desk.Admin.GetAsync("/api/v1/claims/987654321")),
            ("not-found", await desk.Admin.GetAsync("/api/v1/no-such-thing")),
            ("method-not-allowed", await desk.Admin.PutAsync($"/api/v1/claims/{claim.Id()}", JsonContent.Create(new { }))),
            ("validation-failed", await desk.Admin.GetAsync("/api/v1/claims?statuss=verified")),
            ("validation-failed", await desk.Admin.PostAsJsonAsync("/api/v1/claims", new { articleId = article.Id(), text = "" })),
            ("malformed-body", await desk.Admin.PostAsync("/api/v1/claims", new StringContent("not json at all", Encoding.UTF8, "application/json"))),
            ("unsupported-media-type", await desk.Admin.PostAsync("/api/v1/claims", new StringContent("articleId=1", Encoding.UTF8, "text/plain"))),
            ("body-too-large", await desk.Admin.PostAsync("/api/v1/claims", new StringContent(new string(' ', 3 * 1024 * 1024), Encoding.UTF8, "application/json"))),
            ("unauthenticated", await desk.Anonymous.GetAsync("/api/v1/claims")),
            ("forbidden-role", await reader.PostAsJsonAsync("/api/v1/claims", new { articleId = article.Id(), text = story.Claim })),
            ("etag-required", await desk.Admin.TransitionAsync(claim.Id(), null, new { to = "inReview" })),
            ("stale-etag", await desk.Admin.TransitionAsync(claim.Id(), $"\"{claim.Id()}-0\"", new { to = "inReview" })),
            ("illegal-move", await desk.Admin.TransitionAsync(claim.Id(), etag, new { to = "verified", rationale = "Too soon." })),
            ("no-verdict-yet", await desk.Admin.GetAsync($"/api/v1/claims/{claim.Id()}/claimreview")),
        };
        var key = "problem-test-" + Guid.NewGuid().ToString("N");
        await (await PostWithKeyAsync(key, "Keyed Outlet " + key[^8..])).ShouldBe(HttpStatusCode.Created);
        answers.Add(("idempotency-key-reused", await PostWithKeyAsync(key, "Another Outlet " + key[^8..])));

        foreach (var (expected, response) in answers)
        {
            var problem = await response.ProblemAsync();
            var code = problem.GetProperty("code").GetString();
            Assert.True(expected == code, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: expected {expected}, got {code}: {problem}");
            var found = ProblemCatalog.Find(code!);
            Assert.NotNull(found);
            Assert.Equal(found.Status, (int)response.StatusCode);
            Assert.Equal(found.Status, problem.GetProperty("status").GetInt32());
            Assert.Equal($"{ClaimDeskApiFactory.DeskUrl}/docs/problems/{code}", problem.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
            var page = await desk.Anonymous.GetAsync($"/docs/problems/{code}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(code!, await page.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Anonymous.GetAsync("/docs/problems/no-such-code")).StatusCode);
    }

    [Fact]
    public async Task Problems_speak_the_contract_s_names_never_the_code_s()
    {
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        var (_, etag) = await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");

        var review = await (await desk.Admin.GetAsync($"/api/v1/claims/{claim.Id()}/claimreview")).ProblemAsync();
        Assert.Equal($"Claim {claim.Id()} is needsReview; a ClaimReview is published when a verdict takes effect.", review.GetProperty("detail").GetString());

        var move = await (await desk.Admin.TransitionAsync(claim.Id(), etag, new { to = "verified", rationale = "Too soon." })).ProblemAsync();
        Assert.Contains("from needsReview to verified", move.GetProperty("detail").GetString());
        var allowed = move.GetProperty("allowedMoves").EnumerateArray().ToList();
        Assert.Contains(allowed, m => m.GetProperty("to").GetString() == "inReview"
                                      && m.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "reviewer"));
        Assert.Equal("needsReview", move.GetProperty("currentStatus").GetString());

        // Every word a problem says about statuses is the camelCase name the JSON uses.
        foreach (var text in new[] { review.ToString(), move.ToString() })
        foreach (var name in Enum.GetNames<Core.Domain.ClaimStatus>().Where(n => n != JsonNamingPolicy.CamelCase.ConvertName(n)))
            Assert.DoesNotMatch($@"\b{name}\b", text);
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(string key, string outlet)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/outlets") { Content = JsonContent.Create(new { name = outlet }) };
        request.Headers.Add("Idempotency-Key", key);
        return await desk.Admin.SendAsync(request);
    }
}
