using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Corroboration;

/// <summary>
/// An outlet's owner group decides which evidence is independent, and independence decides what can be verified:
/// only editors and admins change it, leaving a field out never clears it, every change is in the outlet's history,
/// and the claims' evidence follows the outlets as they are now.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OutletChangeTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task Only_editors_change_an_owner_group_leaving_it_out_keeps_it_and_the_evidence_follows_the_change()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (claimOutlet, sister, group, place) = ($"Quay Herald {tag}", $"Quay Evening {tag}", $"Quay Media {tag}", $"Brinvik {tag}");
        await (await desk.Admin.PostAsJsonAsync("/api/v1/outlets", new { name = claimOutlet, ownerGroup = group })).ShouldBe(HttpStatusCode.Created, HttpStatusCode.OK);
        var registered = await desk.Admin.PostAsJsonAsync("/api/v1/outlets", new { name = sister, ownerGroup = group });
        await registered.ShouldBe(HttpStatusCode.Created, HttpStatusCode.OK);
        var sisterId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).Id();

        var source = await desk.Admin.RegisterArticleAsync("Bridge reopens",
            $"Engineer Sofia Lind reopened the old swing bridge in {place} on 9 June. Ferries waited while the span turned. " +
            "The repairs took two winters, the council said.", claimOutlet, new DateOnly(2025, 6, 10));
        await desk.Admin.RegisterArticleAsync("Bridge reopens (sister)",
            $"In {place}, engineer Sofia Lind reopened the old swing bridge on 9 June; ferries waited as it turned.", sister, new DateOnly(2025, 6, 10));
        var claim = await desk.Admin.RegisterClaimAsync(source.Id(), $"Engineer Sofia Lind reopened the old swing bridge in {place} on 9 June.");
        var fromSister = await SisterEvidenceAsync(claim.Id(), sister);
        Assert.Equal("sameOwnerGroup", fromSister.GetProperty("dependenceReason").GetString());

        // An integration (or a reviewer) registering articles cannot rewrite an existing outlet, whatever it leaves out.
        foreach (var role in new[] { Role.Integration, Role.Reviewer })
        {
            var client = await desk.As(role);
            var omitted = await client.PostAsJsonAsync("/api/v1/outlets", new { name = sister });
            Assert.Equal(HttpStatusCode.OK, omitted.StatusCode); // leaving a field out changes nothing: harmless
            Assert.Equal(group, (await omitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ownerGroup").GetString());
            var rewrite = await client.PostAsJsonAsync("/api/v1/outlets", new { name = sister, ownerGroup = "" });
            Assert.Equal(HttpStatusCode.Forbidden, rewrite.StatusCode);
            Assert.Contains("editor", (await rewrite.ProblemAsync()).GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/outlets", new { name = sister, ownerGroup = "Someone Else" })).StatusCode);
        }
        // Registering a brand-new outlet stays open to whoever registers articles.
        var integration = await desk.As(Role.Integration);
        await (await integration.PostAsJsonAsync("/api/v1/outlets", new { name = $"Quay Radio {tag}", ownerGroup = group })).ShouldBe(HttpStatusCode.Created);

        var unchanged = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/outlets/{sisterId}");
        Assert.Equal(group, unchanged.GetProperty("ownerGroup").GetString());
        Assert.Equal("sameOwnerGroup", (await SisterEvidenceAsync(claim.Id(), sister)).GetProperty("dependenceReason").GetString());

        // An editor sets the domain without naming the group: the group stays. A source cited on that domain is the group's voice.
        var editor = await desk.As(Role.Editor);
        var domain = $"quay-evening-{tag}.example";
        var withDomain = await editor.PostAsJsonAsync("/api/v1/outlets", new { name = sister, domain });
        await withDomain.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(group, (await withDomain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ownerGroup").GetString());
        var cited = await desk.Admin.PostFreshAsync(claim.Id(), $"/api/v1/claims/{claim.Id()}/evidence",
            new { url = $"https://www.{domain}/bridge", stance = "supports" });
        await cited.ShouldBe(HttpStatusCode.Created);
        var citation = await cited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sameOwnerGroup", citation.GetProperty("dependenceReason").GetString());
        var (before, _) = await desk.Admin.GetClaimAsync(claim.Id());

        // The editor clears the group (an empty string): the existing evidence is judged again at once, no gathering needed.
        await (await editor.PostAsJsonAsync("/api/v1/outlets", new { name = sister, ownerGroup = "" })).ShouldBe(HttpStatusCode.OK);
        var evidence = await desk.Admin.EvidenceOfAsync(claim.Id());
        var sisterNow = evidence.Single(e => e.GetProperty("id").GetInt64() == fromSister.Id());
        Assert.True(sisterNow.GetProperty("independent").GetBoolean());
        Assert.True(evidence.Single(e => e.Id() == citation.Id()).GetProperty("independent").GetBoolean());
        var (after, _) = await desk.Admin.GetClaimAsync(claim.Id());
        var independentSupports = evidence.Count(e => e.GetProperty("stance").GetString() == "supports" && e.GetProperty("independent").GetBoolean());
        Assert.Equal(independentSupports, after.GetProperty("evidenceSummary").GetProperty("independentSupports").GetInt32());
        Assert.True(independentSupports > before.GetProperty("evidenceSummary").GetProperty("independentSupports").GetInt32());

        // Who changed what, when, before and after.
        var history = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/outlets/{sisterId}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["registered", "changed", "changed"], history.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["admin", ClaimDeskApiFactory.RoleUserName(Role.Editor), ClaimDeskApiFactory.RoleUserName(Role.Editor)],
            history.Select(e => e.GetProperty("actor").GetString()));
        var cleared = history[^1];
        Assert.Contains(group, cleared.GetProperty("before").AuditText());
        Assert.Contains("\"ownerGroup\":null", cleared.GetProperty("after").AuditText());
        Assert.Contains(domain, cleared.GetProperty("after").AuditText());
        Assert.True(cleared.GetProperty("at").GetDateTime() >= history[0].GetProperty("at").GetDateTime());
    }

    [Fact]
    public async Task An_outlet_an_article_creates_is_in_its_history_and_unknown_outlets_are_404()
    {
        var outlet = $"Fell Gazette {Guid.NewGuid():N}"[..20];
        var article = await (await desk.As(Role.Integration)).RegisterOwnArticleAsync(outlet);
        var id = article.GetProperty("outlet").GetProperty("id").GetInt64();
        var history = (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/outlets/{id}/history")).GetProperty("items");
        Assert.Equal("registered", history[0].GetProperty("type").GetString());
        Assert.Equal(ClaimDeskApiFactory.RoleUserName(Role.Integration), history[0].GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/outlets/987654321/history")).StatusCode);
    }

    private Task<JsonElement> SisterEvidenceAsync(long claimId, string sister) =>
        Eventually.ReadUntilAsync(async () => (await desk.Admin.EvidenceOfAsync(claimId))
                .FirstOrDefault(e => e.GetProperty("article").ValueKind == JsonValueKind.Object
                                     && e.GetProperty("article").GetProperty("outlet").GetProperty("name").GetString() == sister),
            e => e.ValueKind == JsonValueKind.Object, seconds: 60);
}
