using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Corroboration;

[Collection(ApiCollection.Name)]
public sealed class IndependenceAndNewEvidenceTests(ClaimDeskApiFactory desk)
{
    private static string Report(string place, string person, int day) =>
        $"{person} opened the new lighthouse museum in {place} on {day} May. Hundreds of visitors queued in the rain. " +
        $"The museum holds four centuries of maritime records, the curator said. Ticket sales will fund the harbour school.";

    private Task<List<JsonElement>> EvidenceAsync(long claimId, int atLeast, long? fromArticle = null) =>
        Eventually.ReadUntilAsync(async () => (await desk.Admin.EvidenceOfAsync(claimId))
                .Where(e => fromArticle is null || e.GetProperty("article").GetProperty("id").GetInt64() == fromArticle).ToList(),
            evidence => evidence.Count >= atLeast, seconds: 60);

    [Fact]
    public async Task Evidence_from_the_same_owner_group_or_a_syndicated_copy_is_not_independent()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (claimOutlet, sister, wire, independent) = ($"Harbour Post {tag}", $"Harbour Evening {tag}", $"Coast Wire {tag}", $"Island Radio {tag}");
        await desk.Admin.PostAsJsonAsync("/api/v1/outlets", new { name = claimOutlet, ownerGroup = $"Harbour Media {tag}" });
        await desk.Admin.PostAsJsonAsync("/api/v1/outlets", new { name = sister, ownerGroup = $"Harbour Media {tag}" });
        var place = $"Port {tag}";
        var source = await desk.Admin.RegisterArticleAsync("Museum opens", Report(place, "Mayor Ilse Varga", 12), claimOutlet, new DateOnly(2025, 5, 13));
        await desk.Admin.RegisterArticleAsync("Museum opens (sister)", $"Mayor Ilse Varga opened the lighthouse museum in {place} on 12 May, our sister paper reports.", sister, new DateOnly(2025, 5, 13));
        await desk.Admin.RegisterArticleAsync("Museum opens (wire)", "WIRE — " + Report(place, "Mayor Ilse Varga", 12) + " More to follow.", wire, new DateOnly(2025, 5, 13));
        await desk.Admin.RegisterArticleAsync("Museum opens (radio)", $"In {place}, Mayor Ilse Varga opened a lighthouse museum on 12 May; visitors braved the rain.", independent, new DateOnly(2025, 5, 13));

        var claim = await desk.Admin.RegisterClaimAsync(source.Id(), $"Mayor Ilse Varga opened the new lighthouse museum in {place} on 12 May.");
        var evidence = await EvidenceAsync(claim.Id(), atLeast: 3);

        JsonElement From(string outlet) => evidence.First(e => e.GetProperty("article").GetProperty("outlet").GetProperty("name").GetString() == outlet);
        Assert.Equal("sameOwnerGroup", From(sister).GetProperty("dependenceReason").GetString());
        Assert.False(From(sister).GetProperty("independent").GetBoolean());
        Assert.Equal("syndicatedCopy", From(wire).GetProperty("dependenceReason").GetString());
        Assert.False(From(wire).GetProperty("independent").GetBoolean());
        Assert.True(From(independent).GetProperty("independent").GetBoolean());

        var (summary, _) = await desk.Admin.GetClaimAsync(claim.Id());
        var counts = summary.GetProperty("evidenceSummary");
        var independentSupports = evidence.Count(e => e.GetProperty("stance").GetString() == "supports" && e.GetProperty("independent").GetBoolean());
        Assert.Equal(independentSupports, counts.GetProperty("independentSupports").GetInt32());
        Assert.Equal(evidence.Count(e => e.GetProperty("stance").GetString() == "supports"), counts.GetProperty("supports").GetInt32());
    }

    [Fact]
    public async Task A_new_article_adds_evidence_to_a_decided_claim_and_flags_it_for_another_look()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var place = $"Fjordby {tag}";
        var source = await desk.Admin.RegisterArticleAsync("Museum", Report(place, "Mayor Olav Dahl", 3), $"Fjord News {tag}", new DateOnly(2025, 5, 4));
        var claim = await desk.Admin.RegisterClaimAsync(source.Id(), $"Mayor Olav Dahl opened the new lighthouse museum in {place} on 3 May.");
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        await (await desk.Admin.TransitionFreshAsync(claim.Id(), new { to = "inReview" })).ShouldBe(System.Net.HttpStatusCode.OK);
        await (await desk.Admin.TransitionFreshAsync(claim.Id(), new { to = "unverifiable", rationale = "Only one outlet reports it." })).ShouldBe(System.Net.HttpStatusCode.OK);

        // A later report from another outlet, on another day: the desk learns without anyone asking.
        var later = await desk.Admin.RegisterArticleAsync("Museum opening", $"Mayor Olav Dahl opened the lighthouse museum in {place} on 4 May, a day later than planned.",
            $"Valley Times {tag}", new DateOnly(2025, 5, 5));

        var evidence = await EvidenceAsync(claim.Id(), atLeast: 1, fromArticle: later.Id());
        Assert.NotEmpty(evidence);
        var (flagged, _) = await desk.Admin.GetClaimAsync(claim.Id());
        Assert.True(flagged.GetProperty("hasNewEvidence").GetBoolean());
        Assert.Equal("unverifiable", flagged.GetProperty("status").GetString());
        var queue = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?hasNewEvidence=true&pageSize=200");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), c => c.Id() == claim.Id());
        // Another day for the same opening: the date mismatch is named, and such a report never supports the claim.
        var report = Assert.Single(evidence);
        Assert.NotEqual("supports", report.GetProperty("stance").GetString());
        var date = report.GetProperty("discrepancies").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "date");
        Assert.Equal(("2025-05-03", "2025-05-04"), (date.GetProperty("claimValue").GetString(), date.GetProperty("passageValue").GetString()));
    }
}
