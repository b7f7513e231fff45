using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Corroboration;

[Collection(ApiCollection.Name)]
public sealed class CorroborationOnSamplesTests(ClaimDeskApiFactory desk)
{
    private async Task<Dictionary<string, long>> RegisterAllSamplesAsync()
    {
        var ids = new Dictionary<string, long>();
        foreach (var sample in SampleArticles.All()) ids[sample.File[..3]] = (await desk.Admin.RegisterSampleAsync(sample)).Id();
        return ids;
    }

    /// <summary>Evidence arrives from jobs (gathering, and matching of articles indexed later): wait until it satisfies the test.</summary>
    private Task<List<JsonElement>> EvidenceAsync(long claimId, Func<List<JsonElement>, bool> until) =>
        Eventually.ReadUntilAsync(() => desk.Admin.EvidenceOfAsync(claimId),
            until, seconds: 60);

    [Fact]
    public async Task The_meeting_date_from_000_is_contradicted_by_001_on_the_date()
    {
        var articles = await RegisterAllSamplesAsync();
        var claim = await desk.Admin.RegisterClaimAsync(articles["000"], "Rutte met Trump and his foreign policy team on 23 November");
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");

        var evidence = await EvidenceAsync(claim.Id(), e => e.Any(x => x.GetProperty("article").GetProperty("id").GetInt64() == articles["001"]
                                                                  && x.GetProperty("stance").GetString() == "contradicts"));

        var contradiction = evidence.First(e => e.GetProperty("stance").GetString() == "contradicts");
        Assert.Equal(articles["001"], contradiction.GetProperty("article").GetProperty("id").GetInt64());
        var passages = contradiction.GetProperty("passages").EnumerateArray().ToList();
        Assert.Contains(passages, p => p.GetProperty("text").GetString()!.Contains("22 November"));
        var date = contradiction.GetProperty("discrepancies").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "date");
        Assert.Equal("2024-11-23", date.GetProperty("claimValue").GetString());
        Assert.Equal("2024-11-22", date.GetProperty("passageValue").GetString());
        Assert.True(contradiction.GetProperty("independent").GetBoolean());
        Assert.Equal("Sample Outlet B", contradiction.GetProperty("article").GetProperty("outlet").GetProperty("name").GetString());

        // Offsets point into the evidence article's text, for highlighting.
        var text = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{articles["001"]}")).GetProperty("text").GetString()!;
        foreach (var passage in passages)
            Assert.Equal(passage.GetProperty("text").GetString(), text[passage.GetProperty("start").GetInt32()..passage.GetProperty("end").GetInt32()]);

        var (summary, _) = await desk.Admin.GetClaimAsync(claim.Id());
        Assert.True(summary.GetProperty("evidenceSummary").GetProperty("contradicts").GetInt32() >= 1);
    }

    [Fact]
    public async Task Nothing_the_desk_holds_supports_the_russia_aside_from_002()
    {
        var articles = await RegisterAllSamplesAsync();
        var claim = await desk.Admin.RegisterClaimAsync(articles["002"], "Russia did not invade its neighbors during Trump's first term");
        var (done, _) = await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");

        var evidence = await desk.Admin.EvidenceOfAsync(claim.Id());
        Assert.DoesNotContain(evidence, e => e.GetProperty("stance").GetString() == "supports");
        Assert.Equal(0, done.GetProperty("evidenceSummary").GetProperty("supports").GetInt32());
        Assert.Equal(0, done.GetProperty("evidenceSummary").GetProperty("independentSupports").GetInt32());
        Assert.DoesNotContain(evidence, e => e.GetProperty("article").GetProperty("id").GetInt64() == articles["002"]);
    }

    private static bool ReturnsToQueue(JsonElement e) =>
        e.GetProperty("type").GetString() == "transition" && e.GetProperty("after").AuditText().Contains("needsReview") == true;

    [Fact]
    public async Task Evidence_comes_best_first_and_gathering_again_adds_nothing_twice()
    {
        var articles = await RegisterAllSamplesAsync();
        var claim = await desk.Admin.RegisterClaimAsync(articles["001"], "Russia is sending missile technology to North Korea");
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        var first = await EvidenceAsync(claim.Id(), e => e.Count > 0);
        Assert.NotEmpty(first);
        var scores = first.Select(e => e.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        var again = await desk.Admin.PostAsync($"/api/v1/claims/{claim.Id()}/corroborate", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        // The second run's own marker: the claim back in needsReview after the request, with what that run added.
        var history = await Eventually.SignalAsync(
            async () => (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claim.Id()}/history")).GetProperty("items").EnumerateArray().ToList(),
            h => h.SkipWhile(e => e.GetProperty("type").GetString() != "corroborationRequested").Any(ReturnsToQueue), "the second gathering finishing");
        var rerun = history.SkipWhile(e => e.GetProperty("type").GetString() != "corroborationRequested").First(ReturnsToQueue);
        Assert.Contains("\"evidenceAdded\":0", rerun.GetProperty("detail").AuditText());
        var second = await desk.Admin.EvidenceOfAsync(claim.Id());
        Assert.Equal(first.Select(e => e.Id()).Order(), second.Select(e => e.Id()).Order());
    }
}
