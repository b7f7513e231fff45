using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.WebConsole.Tests.Support;

/// <summary>Arrange steps through the API, so the browser tests start from a desk at work.</summary>
public static class DeskArrange
{
    /// <summary>A claim of our own words that no other article bears on, gathered and waiting for review.</summary>
    public static async Task<long> ClaimNeedingReviewAsync(this ConsoleDesk desk)
    {
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        return claim.Id();
    }

    /// <summary>The sample articles, and a claim from 000 that 001 contradicts on the date: a claim page with evidence to judge.</summary>
    public static async Task<(long ClaimId, long ArticleId)> ContradictedSampleClaimAsync(this ConsoleDesk desk)
    {
        var ids = new Dictionary<string, long>();
        foreach (var sample in SampleArticles.All()) ids[sample.File[..3]] = (await desk.Admin.RegisterSampleAsync(sample)).Id();
        var claim = await desk.Admin.RegisterClaimAsync(ids["000"], "Rutte met Trump and his foreign policy team on 23 November");
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        return (claim.Id(), ids["000"]);
    }

    public static async Task<string> StatusAsync(this ConsoleDesk desk, long claimId) =>
        (await desk.Admin.GetClaimAsync(claimId)).Claim.GetProperty("status").GetString()!;

    public static async Task<JsonElement> ClaimAsync(this ConsoleDesk desk, long claimId) => (await desk.Admin.GetClaimAsync(claimId)).Claim;
}
