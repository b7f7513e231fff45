using System.Net;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;
using ClaimDesk.WebConsole.Tests.Support;
using OpenQA.Selenium;

namespace ClaimDesk.WebConsole.Tests;

/// <summary>The example that defines ClaimDesk, done by a reviewer in a real browser.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DefiningExampleInTheBrowserTests(ConsoleDesk desk)
{
    private const string Reviewer = "rita-reviewer";
    private const string Editor = "eddie-editor";

    [Fact]
    public async Task A_reviewer_takes_the_russia_aside_from_suggestion_to_editorializing_and_a_stale_change_is_told_not_saved()
    {
        var ids = new Dictionary<string, long>();
        foreach (var sample in SampleArticles.All()) ids[sample.File[..3]] = (await desk.Admin.RegisterSampleAsync(sample)).Id();
        var browser = desk.Browser;
        browser.SignIn(await desk.KeyAsync(Reviewer, Role.Reviewer));

        // The article, its aside highlighted in place and suggested as an editorial aside.
        browser.Open($"/console/articles/{ids["002"]}");
        browser.WaitFor(() => browser.Has("[data-testid=suggestions]"), "the article's suggestions", reload: true);
        var aside = browser.FindAll("li.suggestion").Single(s => s.Text.Contains("Russia did not invade its neighbors"));
        Assert.Equal("editorial", aside.GetAttribute("data-kind"));
        Assert.Contains("editorial aside", aside.FindElement(By.CssSelector("[data-testid=suggestion-kind]")).Text);
        Assert.Contains("no claimant", aside.Text);
        var mark = browser.Find($"mark#text-{aside.GetAttribute("id")}");
        Assert.Contains("Russia did not invade its neighbors", mark.Text);
        Assert.Contains("mark-editorial", mark.GetAttribute("class"));
        browser.Screenshot("article");

        // Registered in one click; the claim page shows it in its sentence.
        aside.FindElement(By.CssSelector("button[type=submit]")).Click();
        browser.WaitFor(() => browser.Driver.Url.Contains("/console/claims/"), "the new claim's page");
        var claimId = browser.ClaimId();
        Assert.Contains("Russia did not invade its neighbors", browser.Text("[data-testid=in-sentence] mark"));
        Assert.Equal("editorial aside", browser.Text("[data-testid=claim-kind]"));

        // In the queue once gathered, with no supporting evidence; taken in one click.
        browser.Open("/console");
        browser.WaitFor(() => browser.Has($"li.queue-item[data-claim-id='{claimId}']"), "the claim in the queue", seconds: 60, reload: true);
        Assert.Contains("no supporting evidence", browser.QueueItem(claimId).FindElement(By.CssSelector("[data-testid=evidence-line]")).Text);
        browser.Screenshot("queue");
        browser.QueueItem(claimId).FindElement(By.CssSelector("form.take button")).Click();
        browser.WaitFor(() => browser.Driver.Url.EndsWith($"/console/claims/{claimId}", StringComparison.Ordinal), "the taken claim");
        Assert.Equal(Reviewer, browser.Text("[data-testid=assignee]"));

        // Ruled editorializing with a rationale; verified is refused with the reason.
        browser.Move("inReview");
        Assert.Equal("in review", browser.Text("[data-testid=claim-status]"));
        var verify = browser.Find("button[data-move='verified']");
        Assert.False(verify.Enabled);
        Assert.Contains("accepted supporting evidence from an independent outlet", browser.Find("#move-verified").Text);
        const string rationale = "The outlet's own unsourced aside, not a reported fact; no other article on the story corroborates it.";
        browser.Move("editorializing", rationale);
        Assert.Equal("editorializing", browser.Text("[data-testid=claim-status]"));
        Assert.Equal(rationale, browser.Text("[data-testid=rationale]"));

        // The history and the ClaimReview.
        var ruling = browser.FindAll("[data-testid=history] li[data-type=transition]").Last().Text;
        Assert.Contains(Reviewer, ruling);
        Assert.Contains("from in review to editorializing", ruling);
        Assert.Contains(rationale, ruling);
        var review = browser.Find("#claimreview-json").Text;
        Assert.Contains("\"ClaimReview\"", review);
        Assert.Contains("\"alternateName\": \"Opinion presented as fact\"", review);
        Assert.Contains(rationale, review);
        browser.Screenshot("claim");
        using (var download = new ConsoleHttp(desk.BaseAddress, browser.CookieHeader()))
        {
            var file = await download.GetAsync(browser.Find("a[download][href*='handler=ClaimReview']").GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/ld+json", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"claimreview-{claimId}.json", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
            var published = System.Text.Json.JsonDocument.Parse(await file.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(rationale, published.GetProperty("reviewRating").GetProperty("ratingExplanation").GetString());
        }

        // A second session (an editor) reopens the claim; the reviewer reads it again...
        using var second = Browser.Start(desk.BaseAddress);
        second.SignIn(await desk.KeyAsync(Editor, Role.Editor));
        second.Open($"/console/claims/{claimId}");
        second.Move("inReview");
        browser.Reload();
        Assert.Equal("in review", browser.Text("[data-testid=claim-status]"));
        // ...then the editor sends it back to the queue while the reviewer's page still shows it in review.
        second.Move("needsReview");
        Assert.Equal("needs review", second.Text("[data-testid=claim-status]"));

        const string secondLook = "Still the outlet's own aside on a second look.";
        browser.WaitFor(() => browser.Has("#Rationale"), "the rationale box", seconds: 2);
        browser.Find("#Rationale").SendKeys(secondLook);
        browser.Find("button[data-move='editorializing']").Click();
        browser.WaitFor(() => browser.Has("[data-testid=stale]"), "the 'someone changed this claim' message");
        Assert.Contains("Someone changed this claim since you opened it", browser.Text("[data-testid=stale]"));
        var changes = browser.Text("[data-testid=changes]");
        Assert.Contains(Editor, changes);
        Assert.Contains("from in review to needs review", changes);
        Assert.Equal(secondLook, browser.Find("#Rationale").GetAttribute("value"));
        Assert.Equal("needs review", browser.Text("[data-testid=claim-status]"));
        var (claim, _) = await desk.Admin.GetClaimAsync(claimId);
        Assert.Equal("needsReview", claim.GetProperty("status").GetString()); // nothing overwritten

        browser.Find("[data-testid=stale] a").Click();
        browser.WaitFor(() => !browser.Has("[data-testid=stale]"), "the reloaded claim");
        Assert.Equal("needs review", browser.Text("[data-testid=claim-status]"));
    }
}
