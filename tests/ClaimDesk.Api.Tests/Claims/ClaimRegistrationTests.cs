using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Claims;

[Collection(ApiCollection.Name)]
public sealed class ClaimRegistrationTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task The_russia_aside_from_002_registers_as_the_outlets_own_words_and_corroboration_starts_by_itself()
    {
        var sample = SampleArticles.Get("002");
        var article = await desk.Admin.RegisterSampleAsync(sample);
        const string quote = "Russia did not invade its neighbors during Trump’s first term";
        var start = sample.Text.IndexOf(quote, StringComparison.Ordinal);

        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), "Russia did not invade its neighbors during Trump's first term", start, start + quote.Length);

        Assert.Equal(start, claim.GetProperty("quote").GetProperty("start").GetInt32());
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("claimant").ValueKind);
        Assert.Equal("registered", claim.GetProperty("status").GetString());
        var (_, _) = await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
    }

    [Fact]
    public async Task A_claim_found_verbatim_in_its_article_is_audited_with_the_span_it_was_found_at()
    {
        const string sentence = "The ferry to Lindholm now sails twice an hour in winter.";
        var body = $"Harbour news. {sentence} The council said so on Monday. {Guid.NewGuid():N}";
        var article = await desk.Admin.RegisterOwnArticleAsync(body: body);

        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), sentence);

        var quote = claim.GetProperty("quote");
        Assert.Equal(body.IndexOf(sentence, StringComparison.Ordinal), quote.GetProperty("start").GetInt32());
        var history = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claim.Id()}/history");
        var registered = Assert.Single(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "registered");
        var audited = registered.GetProperty("after").GetProperty("quote");
        Assert.Equal(quote.GetProperty("start").GetInt32(), audited.GetProperty("start").GetInt32());
        Assert.Equal(quote.GetProperty("end").GetInt32(), audited.GetProperty("end").GetInt32());
    }

    [Fact]
    public async Task A_quote_span_outside_the_articles_text_is_refused_and_nothing_is_stored()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var length = article.GetProperty("text").GetString()!.Length;
        var before = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?pageSize=1");

        var response = await desk.Admin.PostAsJsonAsync("/api/v1/claims",
            new { articleId = article.Id(), text = "The council approved a budget", quote = new { start = 10, end = length + 5 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("quote.end", out _));
        var after = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?pageSize=1");
        Assert.Equal(before.GetProperty("total").GetInt32(), after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_reversed_quote_span_names_the_field()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/claims",
            new { articleId = article.Id(), text = "x", quote = new { start = 20, end = 5 } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("quote.end", out _));
    }

    [Fact]
    public async Task A_claim_on_an_unknown_article_is_a_404()
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/claims", new { articleId = 99999999, text = "Something happened" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_claim_round_trips_with_an_etag_and_an_evidence_summary()
    {
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);

        var (fetched, etag) = await desk.Admin.GetClaimAsync(claim.Id());
        Assert.Equal(claim.GetProperty("text").GetString(), fetched.GetProperty("text").GetString());
        Assert.Equal(fetched.GetProperty("etag").GetString(), etag);
        Assert.Equal(0, fetched.GetProperty("quote").GetProperty("start").GetInt32()); // found verbatim in the article
        Assert.True(fetched.GetProperty("evidenceSummary").TryGetProperty("independentSupports", out _));
    }

    [Fact]
    public async Task Claims_are_listed_paged_and_filtered_by_status_and_text()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 3; i++) await desk.Admin.RegisterClaimAsync(article.Id(), $"Claim {marker} number {i} says the budget grew.");

        var list = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?q={marker}&pageSize=2");
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());

        var bad = await desk.Admin.GetAsync("/api/v1/claims?status=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Claims_registered_at_once_are_each_saved_audited_and_corroborated()
    {
        // Concurrent registrations are committed together (group commit); each must still come out whole.
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var editor = await desk.As(Role.Editor);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var claims = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            editor.RegisterClaimAsync(article.Id(), $"Claim {marker} number {i} says the ferry fares rose.")));

        var ids = claims.Select(c => c.Id()).ToHashSet();
        Assert.Equal(40, ids.Count);
        var listed = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?q={marker}&pageSize=100");
        Assert.Equal(40, listed.GetProperty("total").GetInt32());
        Assert.Equal(ids, listed.GetProperty("items").EnumerateArray().Select(c => c.Id()).ToHashSet());
        foreach (var claim in claims)
        {
            var (stored, _) = await desk.Admin.GetClaimAsync(claim.Id());
            Assert.Equal(claim.GetProperty("text").GetString(), stored.GetProperty("text").GetString());
            var history = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claim.Id()}/history");
            var registered = Assert.Single(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "registered");
            Assert.Equal(ClaimDeskApiFactory.RoleUserName(Role.Editor), registered.GetProperty("actor").GetString());
            Assert.Contains(marker, registered.GetProperty("after").AuditText());
        }
        foreach (var id in ids) await desk.Admin.WaitForStatusAsync(id, "needsReview");
    }
}
