using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimDesk.Api.Tests.Review;
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

    // ---- Item 10: comma lists are not a way to combine enum values; filters repeat; unknown parameters are refused ----

    public static TheoryData<string, string, string> CommaListsInBodies => new()
    {
        { "/api/v1/api-keys", """{"name": "combo-reviewer", "role": "reviewer,integration"}""", "role" },
        { "/api/v1/api-keys", """{"name": "combo-reader", "role": "reader, admin"}""", "role" },
        { "/api/v1/claims", """{"articleId": 1, "text": "The council met.", "kind": "factual,editorial"}""", "kind" },
    };

    [Theory]
    [MemberData(nameof(CommaListsInBodies))]
    public async Task A_comma_list_in_an_enum_field_of_a_body_is_400_naming_the_field(string path, string body, string field)
    {
        var before = await StateAsync();
        var response = await PostJsonAsync(desk.Admin, path, body);

        await ShouldBeFieldProblemAsync(response, field);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_comma_list_in_a_review_body_is_400_and_the_claim_is_unchanged()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var history = await desk.Admin.GetStringAsync($"/api/v1/claims/{id}/history");

        foreach (var (path, body, field) in new[]
                 {
                     ($"/api/v1/claims/{id}/transitions", """{"to": "inReview,verified"}""", "to"),
                     ($"/api/v1/claims/{id}/evidence", """{"url": "https://records.example.org/a", "stance": "supports,contradicts"}""", "stance"),
                     ($"/api/v1/claims/{id}/evidence/1/decision", """{"decision": "accept,reject"}""", "decision"),
                 })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            await ShouldBeFieldProblemAsync(await desk.Admin.SendAsync(request), field);
        }

        Assert.Equal(etag, (await desk.Admin.GetClaimAsync(id)).ETag);
        Assert.Equal(history, await desk.Admin.GetStringAsync($"/api/v1/claims/{id}/history"));
    }

    [Theory]
    [InlineData("/api/v1/claims?status=inReview,verified", "status")]
    [InlineData("/api/v1/claims?status=needsReview%2Cunverifiable", "status")]
    [InlineData("/api/v1/claims?kind=factual,editorial", "kind")]
    [InlineData("/api/v1/claims?sort=newest,oldest", "sort")]
    public async Task A_comma_list_in_a_query_filter_is_400_naming_the_parameter(string url, string parameter)
    {
        await ShouldBeFieldProblemAsync(await desk.Admin.GetAsync(url), parameter);
    }

    [Fact]
    public async Task A_repeated_filter_matches_any_of_its_values()
    {
        var inReview = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        var unverifiable = await ReviewFlow.NewClaimInStateAsync(desk, "unverifiable");
        var needsReview = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);

        var both = await ListClaimsAsync("status=inReview&status=unverifiable");
        var ids = both.GetProperty("items").EnumerateArray().Select(c => c.Id()).ToList();
        var statuses = both.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("status").GetString()).Distinct().Order().ToList();

        Assert.Contains(inReview, ids);
        Assert.Contains(unverifiable, ids);
        Assert.DoesNotContain(needsReview, ids);
        Assert.Equal(["inReview", "unverifiable"], statuses);
        Assert.Equal(Total(await ListClaimsAsync("status=inReview")) + Total(await ListClaimsAsync("status=unverifiable")), Total(both));
        Assert.Equal(Total(await ListClaimsAsync("kind=factual")) + Total(await ListClaimsAsync("kind=editorial")),
            Total(await ListClaimsAsync("kind=factual&kind=editorial")));
    }

    [Theory]
    [InlineData("/api/v1/claims?statuss=verified", "statuss", "status")]
    [InlineData("/api/v1/claims?status=verified&pagesize=5&assigne=ana", "assigne", "assignee")]
    [InlineData("/api/v1/articles?outlett=Daily", "outlett", "outlet")]
    [InlineData("/api/v1/articles/1/claim-suggestions?min=0.5", "min", "minCheckWorthiness")]
    [InlineData("/api/v1/api-keys?role=admin", "role", "page, pageSize")]
    [InlineData("/api/v1/outlets?name=Daily", "name", "page, pageSize")]
    [InlineData("/api/v1/claims?q=council&q=mayor", "q", "q")]
    [InlineData("/api/v1/articles?outlet=a&outlet=b", "outlet", "outlet")]
    public async Task An_unknown_or_repeated_query_parameter_is_400_naming_it_and_the_accepted_ones(string url, string parameter, string accepted)
    {
        var response = await desk.Admin.GetAsync(url);

        var problem = await ShouldBeFieldProblemAsync(response, parameter);
        Assert.Contains(accepted, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task A_write_with_an_unknown_query_parameter_is_400_and_stores_nothing()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var before = await StateAsync();

        var response = await desk.Admin.PostAsJsonAsync("/api/v1/claims?dryRun=true", new { articleId = article.Id(), text = "The council met." });

        await ShouldBeFieldProblemAsync(response, "dryRun");
        Assert.Equal(before, await StateAsync());
    }

    // ---- Item 11: a key given twice is refused, at any depth and in any letter case ----

    public static TheoryData<string, string, string> RepeatedKeys => new()
    {
        { "/api/v1/api-keys", """{"name": "dup-role", "role": "reader", "role": "admin"}""", "role" },
        { "/api/v1/api-keys", """{"name": "dup-case", "role": "reader", "Role": "admin"}""", "role" },
        { "/api/v1/api-keys", """{"name": "dup-name-a", "name": "dup-name-b", "role": "reader"}""", "name" },
        { "/api/v1/articles", """{"title": "Dup", "text": "A council story with a twin.", "outlet": "A", "outlet": "B"}""", "outlet" },
        { "/api/v1/claims", """{"articleId": 1, "text": "The council met.", "text": "The council did not meet."}""", "text" },
        { "/api/v1/claims", """{"articleId": 1, "text": "The council met.", "quote": {"start": 0, "end": 5, "start": 2}}""", "quote.start" },
        { "/api/v1/webhooks", """{"url": "https://hooks.example.org/a", "events": ["claim.registered"], "url": "https://hooks.example.org/b"}""", "url" },
        { "/api/v1/outlets", """{"name": "Twin Outlet", "ownerGroup": "A", "ownerGroup": "B"}""", "ownerGroup" },
    };

    [Theory]
    [MemberData(nameof(RepeatedKeys))]
    public async Task A_body_with_a_repeated_key_is_400_and_stores_nothing(string path, string body, string field)
    {
        var before = await StateAsync();
        var response = await PostJsonAsync(desk.Admin, path, body);

        await ShouldBeFieldProblemAsync(response, field);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_body_with_an_unknown_field_is_400_naming_it()
    {
        var before = await StateAsync();
        var response = await PostJsonAsync(desk.Admin, "/api/v1/api-keys", """{"name": "typo-tool", "role": "reader", "rol": "admin"}""");

        await ShouldBeFieldProblemAsync(response, "rol");
        Assert.Equal(before, await StateAsync());
    }

    // ---- Item 12: text must show something; spans keep characters whole; key names are plain and never reissued ----

    /// <summary>Text a reviewer could not see, or that reorders what is shown around it.</summary>
    public static readonly string[] InvisibleOrControlText =
    [
        "\0", "\0\0\0", "\u200B\u200C\u200D", "\uFEFF", "\u202E\u202D", "\u2066\u2069", "\u00AD", " \u200B\t\n ", "\u2060\u180E",
        "\u0007", "Ring the bell\u0007 twice.", "The council\0 met.", "\u001B[31mred alert", "The mayor said \u202Ethe opposite\u202C.",
    ];

    [Fact]
    public async Task Claim_text_and_claimant_with_nothing_visible_or_control_characters_are_400_and_store_nothing()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var before = await StateAsync();

        foreach (var text in InvisibleOrControlText)
        {
            await ShouldBeFieldProblemAsync(await desk.Admin.PostAsJsonAsync("/api/v1/claims", new { articleId = article.Id(), text }), "text", Escape(text));
            await ShouldBeFieldProblemAsync(await desk.Admin.PostAsJsonAsync("/api/v1/claims",
                new { articleId = article.Id(), text = "The council met.", claimant = text }), "claimant", Escape(text));
        }

        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Comments_and_rationales_with_nothing_visible_are_400_and_the_claim_is_unchanged()
    {
        var id = await ReviewFlow.NewClaimInStateAsync(desk, "inReview");
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var history = await desk.Admin.GetStringAsync($"/api/v1/claims/{id}/history");

        foreach (var text in InvisibleOrControlText)
        {
            await ShouldBeFieldProblemAsync(await desk.Admin.PostAsJsonAsync($"/api/v1/claims/{id}/comments", new { text }), "text", Escape(text));
            await ShouldBeFieldProblemAsync(await desk.Admin.TransitionAsync(id, etag, new { to = "unverifiable", rationale = text }), "rationale", Escape(text));
        }

        Assert.Equal(etag, (await desk.Admin.GetClaimAsync(id)).ETag);
        Assert.Equal(history, await desk.Admin.GetStringAsync($"/api/v1/claims/{id}/history"));
        Assert.Equal(0, (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/comments")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Article_titles_outlets_and_text_with_nothing_visible_are_400_and_store_nothing()
    {
        var before = await StateAsync();

        foreach (var text in InvisibleOrControlText)
        {
            var body = Stories.Unique().Article;
            await ShouldBeFieldProblemAsync(await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { title = text, text = body, outlet = "Test Outlet" }), "title", Escape(text));
            await ShouldBeFieldProblemAsync(await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { title = "A title", text = body, outlet = text }), "outlet", Escape(text));
            await ShouldBeFieldProblemAsync(await desk.Admin.PostAsJsonAsync("/api/v1/outlets", new { name = text }), "name", Escape(text));
        }
        foreach (var text in new[] { "\0", "\u200B\u200C\u200D", "\uFEFF\u2060", "Council\0 news." })
            await ShouldBeFieldProblemAsync(await desk.Admin.PostAsJsonAsync("/api/v1/articles", new { title = "A title", text, outlet = "Test Outlet" }), "text", Escape(text));

        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_quote_span_that_splits_a_character_is_400_and_a_whole_one_is_accepted()
    {
        // "🙂" is two UTF-16 units (a surrogate pair); "é" here is 'e' followed by a combining accent.
        const string text = "The mayor smiled 🙂 at the café\u0301 owner. Residents cheered loudly.";
        var article = await desk.Admin.RegisterOwnArticleAsync(body: text + " " + Stories.Unique().Article);
        var emoji = text.IndexOf("🙂", StringComparison.Ordinal);
        var accent = text.IndexOf('\u0301');
        var before = await StateAsync();

        foreach (var (start, end, field) in new[]
                 {
                     (emoji + 1, emoji + 10, "quote.start"), // starts on the low half of the pair
                     (0, emoji + 1, "quote.end"),            // ends between the halves
                     (0, accent, "quote.end"),               // ends between 'e' and its accent
                     (accent, accent + 6, "quote.start"),     // starts on the accent
                 })
        {
            var response = await desk.Admin.PostAsJsonAsync("/api/v1/claims",
                new { articleId = article.Id(), text = "The mayor smiled.", quote = new { start, end } });
            await ShouldBeFieldProblemAsync(response, field, $"{start}..{end}");
        }
        Assert.Equal(before, await StateAsync());

        var whole = await desk.Admin.PostAsJsonAsync("/api/v1/claims",
            new { articleId = article.Id(), text = "The mayor smiled at the café owner.", quote = new { start = 0, end = accent + 1 } });
        await whole.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("\u0430dmin")]          // Cyrillic 'а' looks like Latin 'a'
    [InlineData("p\u0430yroll-bot")]
    [InlineData("bob\u200B")]
    [InlineData("eve\u202Etxt.exe")]
    [InlineData("zo\u00EB")]
    [InlineData("tab\there")]
    [InlineData("ｆｕｌｌwidth")]
    [InlineData("-leading-dash")]
    [InlineData("slash/name")]
    [InlineData(" padded ")]
    [InlineData("double  space")]
    public async Task A_key_name_outside_the_safe_character_set_is_400_and_issues_nothing(string name)
    {
        var before = await StateAsync();
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name, role = "reader" });

        await ShouldBeFieldProblemAsync(response, "name", Escape(name));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_key_name_is_never_issued_twice_not_even_after_the_key_is_revoked()
    {
        var name = "handover-" + Guid.NewGuid().ToString("N")[..8];
        var first = await desk.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name, role = "reviewer" });
        await first.ShouldBe(HttpStatusCode.Created);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").Id();
        await (await desk.Admin.DeleteAsync($"/api/v1/api-keys/{id}")).ShouldBe(HttpStatusCode.OK);
        var before = await StateAsync();

        foreach (var again in new[] { name, name.ToUpperInvariant() })
        {
            var response = await desk.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = again, role = "admin" });
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            await response.ProblemAsync();
        }

        Assert.Equal(before, await StateAsync());
        var keys = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys?pageSize=200");
        var named = keys.GetProperty("items").EnumerateArray().Where(k => string.Equals(k.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Single(named);
        Assert.Equal(JsonValueKind.String, named[0].GetProperty("revokedAt").ValueKind);
    }

    // ---- Item 13: a flood of bad items gets a short answer ----

    [Fact]
    public async Task Half_a_million_bad_webhook_events_get_a_small_400_and_store_nothing()
    {
        var before = await StateAsync();
        var body = new StringBuilder("""{"url": "https://hooks.example.org/flood", "events": [""");
        for (var i = 0; i < 480_000; i++) body.Append(i == 0 ? "\"x\"" : ",\"x\"");
        body.Append("]}");
        Assert.InRange(body.Length, 1_800_000, (int)RequestSizeLimit);

        var response = await PostJsonAsync(desk.Admin, "/api/v1/webhooks", body.ToString());
        var answer = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(answer.Length < 8 * 1024, $"The answer is {answer.Length} bytes.");
        var problem = JsonDocument.Parse(answer).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("events", out _), Encoding.UTF8.GetString(answer));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_body_with_many_bad_fields_reports_twenty_errors_and_counts_the_rest()
    {
        // 20 unknown events (the most a list may hold) and an invisible description: 21 problems.
        var events = Enumerable.Range(0, 20).Select(i => $"no.such.event.{i}").ToArray();
        var before = await StateAsync();
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://hooks.example.org/many", events, description = "\u200B" });

        var problem = await ShouldBeFieldProblemAsync(response, "events[0]");
        Assert.Equal(20, problem.GetProperty("errors").EnumerateObject().Sum(e => e.Value.GetArrayLength()));
        Assert.Equal(21, problem.GetProperty("errorCount").GetInt32());
        Assert.Equal(before, await StateAsync());
    }

    // ---- Item 14: paging past the end, and the Location header ----

    [Theory]
    [InlineData("/api/v1/claims")]
    [InlineData("/api/v1/articles")]
    public async Task A_page_beyond_the_data_is_empty_or_400_never_page_one(string list)
    {
        await desk.Admin.RegisterOwnArticleAsync();
        foreach (var page in new[] { "1000", "100000" })
        {
            var response = await desk.Admin.GetAsync($"{list}?page={page}&pageSize=200");
            await response.ShouldBe(HttpStatusCode.OK);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(0, body.GetProperty("items").GetArrayLength());
            Assert.Equal(int.Parse(page), body.GetProperty("page").GetInt32());
        }
        foreach (var page in new[] { "2147483647", "1073741824", "10737419" })
        {
            var response = await desk.Admin.GetAsync($"{list}?page={page}&pageSize=200");
            if (response.StatusCode == HttpStatusCode.OK)
                Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
            else
                await ShouldBeFieldProblemAsync(response, "page");
        }
    }

    [Fact]
    public async Task The_location_of_a_new_resource_never_echoes_the_request_host()
    {
        var url = $"https://claimdesk-tests.invalid/story-{Guid.NewGuid():N}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles") { Content = JsonContent.Create(new { url }) };
        request.Headers.Host = "attacker.example";

        var response = await desk.Admin.SendAsync(request);

        await response.ShouldBe(HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
        Assert.Equal($"/api/v1/articles/{id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_job_dashboard_and_its_api_answer_admins_and_refuse_others_never_500()
    {
        var editor = await desk.As(ClaimDesk.Core.Domain.Role.Editor);
        foreach (var path in new[] { "/hangfire", "/hangfire/stats", "/hangfire/jobs/enqueued", "/hangfire/recurring", "/hangfire/servers" })
        {
            var admin = await desk.Admin.GetAsync(path);
            Assert.True(admin.StatusCode == HttpStatusCode.OK, $"admin GET {path} → {(int)admin.StatusCode}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(path)).StatusCode);
        }
        // The dashboard's own pages POST a form naming the metrics, with the page's antiforgery token (browsers reach the
        // dashboard with a console session cookie too). Without the token the POST is refused cleanly, never a 500.
        var stats = await desk.Admin.PostAsync("/hangfire/stats", new FormUrlEncodedContent([new("metrics[]", "servers:count")]));
        Assert.Equal(HttpStatusCode.Forbidden, stats.StatusCode);
        var json = await desk.Admin.PostAsJsonAsync("/hangfire/stats", new { metrics = new[] { "servers:count" } });
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await editor.PostAsync("/hangfire/stats", new FormUrlEncodedContent([new("metrics[]", "servers:count")]))).StatusCode);
    }

    private const long RequestSizeLimit = 2 * 1024 * 1024;

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>A 400 problem whose errors name the field (or parameter) at fault.</summary>
    private static async Task<JsonElement> ShouldBeFieldProblemAsync(HttpResponseMessage response, string field, string? sample = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{sample} → {(int)response.StatusCode}: {Shorten(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"{sample}: expected an error on '{field}': {Shorten(body)}");
        return problem;
    }

    private async Task<JsonElement> ListClaimsAsync(string query) =>
        await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?{query}&pageSize=200");

    private static int Total(JsonElement page) => page.GetProperty("total").GetInt32();

    /// <summary>What a refused request must leave as it was: articles, claims, outlets, keys and webhooks.</summary>
    private async Task<string> StateAsync()
    {
        var (articles, claims) = await CountsAsync();
        var outlets = await desk.Admin.GetStringAsync("/api/v1/outlets?pageSize=200");
        var keys = await desk.Admin.GetStringAsync("/api/v1/api-keys?pageSize=200");
        var webhooks = await desk.Admin.GetStringAsync("/api/v1/webhooks?pageSize=200");
        return $"{articles} articles, {claims} claims\n{outlets}\n{keys}\n{webhooks}";
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    private async Task<(int Articles, int Claims)> CountsAsync()
    {
        var articles = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/articles?pageSize=1");
        var claims = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?pageSize=1");
        return (articles.GetProperty("total").GetInt32(), claims.GetProperty("total").GetInt32());
    }

    private static string Shorten(string body) => body.Length > 400 ? body[..400] + "…" : body;
}
