using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Corroboration;

/// <summary>
/// Evidence is one item per related article, whichever the number of articles: the stance model decides which articles
/// are related, the desk keeps one item each with the passages that decided it, and says what the gathering looked at.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EvidencePerArticleTests(ClaimDeskApiFactory desk)
{
    private static readonly string[] Openings =
    [
        "{0} opened the new tidal power station at {1} on 14 March, the first of its kind in the region.",
        "The tidal power station at {1} was opened by {0} on 14 March.",
        "On 14 March {0} opened a tidal power station at {1}, officials said.",
        "{0} cut the ribbon at the {1} tidal power station on 14 March, opening the plant to the grid.",
        "A tidal power station at {1} has opened: {0} opened it on 14 March.",
    ];

    private static readonly string[] Details =
    [
        "The plant's turbines sit in the harbour mouth and turn with every tide.",
        "Engineers say it will supply about 9,000 homes once all turbines run.",
        "Fishermen had worried about the harbour, but the port authority approved the design.",
        "Construction took three years and ran slightly over budget.",
        "Local schools were invited to tour the control room after the ceremony.",
        "Critics still question the cost of the electricity it will produce.",
        "The operator plans a second station further along the coast.",
        "Visitors watched from the sea wall as the first turbine started.",
    ];

    [Fact]
    public async Task A_claim_reported_by_forty_articles_gets_one_evidence_item_from_each_of_them()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (person, place) = ($"Minister Halvard Oyen-{tag}", $"Skarvik-{tag}");
        var source = await desk.Admin.RegisterArticleAsync("Tidal station opens",
            string.Format(Openings[0], person, place) + " " + Details[0], $"Coast Ledger {tag}", new DateOnly(2025, 3, 15));

        var reports = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            var text = string.Format(Openings[i % Openings.Length], person, place) + " " + Details[i % Details.Length] + " "
                       + Details[(i / Details.Length + 3) % Details.Length] + $" Report {i + 1} of the day from our correspondent.";
            reports.Add((await desk.Admin.RegisterArticleAsync($"Tidal station report {i + 1}", text, $"Outlet {i + 1} {tag}", new DateOnly(2025, 3, 15))).Id());
        }
        // All forty are searchable before the claim exists, so one gathering run finds them all.
        await Eventually.SignalAsync(async () =>
        {
            var states = await Task.WhenAll(reports.Select(async id => (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{id}")).GetProperty("state").GetString()));
            return states.All(s => s == "indexed");
        }, all => all, "the forty reports being indexed", seconds: 120);

        var claim = await desk.Admin.RegisterClaimAsync(source.Id(), $"{person} opened the new tidal power station at {place} on 14 March");
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview", seconds: 120);

        var page = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claim.Id()}/evidence?pageSize=200");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var fromReports = items.Where(e => reports.Contains(e.GetProperty("article").GetProperty("id").GetInt64())).ToList();
        Assert.Equal(40, fromReports.Select(e => e.GetProperty("article").GetProperty("id").GetInt64()).Distinct().Count());
        Assert.Equal(fromReports.Count, fromReports.Select(e => e.Id()).Distinct().Count());
        Assert.Equal(items.Count, page.GetProperty("total").GetInt32());
        Assert.DoesNotContain(items, e => e.GetProperty("article").GetProperty("id").GetInt64() == source.Id());

        // Each item says which passages decided it, with offsets into its article's text.
        foreach (var item in fromReports.Take(5))
        {
            var article = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{item.GetProperty("article").GetProperty("id").GetInt64()}");
            var text = article.GetProperty("text").GetString()!;
            var passages = item.GetProperty("passages").EnumerateArray().ToList();
            Assert.NotEmpty(passages);
            foreach (var passage in passages)
                Assert.Equal(passage.GetProperty("text").GetString(), text[passage.GetProperty("start").GetInt32()..passage.GetProperty("end").GetInt32()]);
            Assert.Equal("fnc1-fasttree", item.GetProperty("model").GetString());
        }

        // Best first: scores never rise down the list of suggested items.
        var scores = items.Select(e => e.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        // What the gathering looked at.
        var gathering = page.GetProperty("gathering");
        Assert.Equal("gathering", gathering.GetProperty("kind").GetString());
        Assert.True(gathering.GetProperty("articlesConsidered").GetInt32() >= 40);
        Assert.True(gathering.GetProperty("articlesRelated").GetInt32() >= 40);
        Assert.False(gathering.GetProperty("capReached").GetBoolean());
        Assert.Equal(200, gathering.GetProperty("cap").GetInt32());
        Assert.Equal("fnc1-fasttree", gathering.GetProperty("model").GetString());

        // One evidenceAdded event for the run, listing every new item with its article and outlet.
        var history = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claim.Id()}/history?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        var added = history.Where(e => e.GetProperty("type").GetString() == "evidenceAdded").ToList();
        var run = Assert.Single(added);
        var listed = run.GetProperty("after").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Select(e => e.Id()).Order(), listed.Select(e => e.GetProperty("evidenceId").GetInt64()).Order());
        var second = listed.Single(e => e.GetProperty("articleId").GetInt64() == reports[1]);
        Assert.Equal("Tidal station report 2", second.GetProperty("articleTitle").GetString());
        Assert.Equal($"Outlet 2 {tag}", second.GetProperty("outletName").GetString());
        Assert.True(second.GetProperty("independent").GetBoolean());
        // Report 1 repeats the claim's article word for word: a syndicated copy, not an independent voice.
        Assert.False(listed.Single(e => e.GetProperty("articleId").GetInt64() == reports[0]).GetProperty("independent").GetBoolean());

        // Accept and reject work on the article's item; gathering again refreshes nothing a reviewer decided and adds nothing twice.
        var (accepted, rejected) = (fromReports[0], fromReports[1]);
        await (await desk.Admin.PostFreshAsync(claim.Id(), $"/api/v1/claims/{claim.Id()}/evidence/{accepted.Id()}/decision", new { decision = "accept" }))
            .ShouldBe(HttpStatusCode.OK);
        await (await desk.Admin.PostFreshAsync(claim.Id(), $"/api/v1/claims/{claim.Id()}/evidence/{rejected.Id()}/decision", new { decision = "reject", note = "Off topic." }))
            .ShouldBe(HttpStatusCode.OK);
        await (await desk.Admin.PostAsync($"/api/v1/claims/{claim.Id()}/corroborate", null)).ShouldBe(HttpStatusCode.Accepted);
        var rerun = await Eventually.SignalAsync(async () => await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claim.Id()}/evidence?pageSize=200"),
            p => p.GetProperty("gathering").GetProperty("id").GetInt64() != gathering.GetProperty("id").GetInt64(), "the second gathering run", seconds: 60);
        var again = rerun.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Select(e => e.Id()).Order(), again.Select(e => e.Id()).Order());
        Assert.Equal(0, rerun.GetProperty("gathering").GetProperty("evidenceAdded").GetInt32());
        Assert.Equal("accepted", again[0].GetProperty("reviewState").GetString());
        Assert.Equal(accepted.Id(), again[0].Id());
        Assert.Equal("rejected", again[^1].GetProperty("reviewState").GetString());
        Assert.Equal(rejected.GetProperty("judgedAt").GetDateTime(), again.Single(e => e.Id() == rejected.Id()).GetProperty("judgedAt").GetDateTime());
    }

    [Fact]
    public async Task Evidence_pages_are_bounded_and_a_bad_page_is_a_400()
    {
        var claim = await ReviewFlowClaimAsync();
        var bad = await desk.Admin.GetAsync($"/api/v1/claims/{claim}/evidence?pageSize=201");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("pageSize", out _));
        var page = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claim}/evidence?page=2&pageSize=1");
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/claims/987654321/evidence")).StatusCode);
    }

    private async Task<long> ReviewFlowClaimAsync()
    {
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        return claim.Id();
    }
}
