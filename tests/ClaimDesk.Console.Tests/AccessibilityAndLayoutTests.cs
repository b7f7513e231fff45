using ClaimDesk.Core.Domain;
using ClaimDesk.WebConsole.Tests.Support;
using OpenQA.Selenium;

namespace ClaimDesk.WebConsole.Tests;

/// <summary>The console as a newsroom uses it: accessible, at desk and phone widths, by keyboard, in the reader's time zone.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityAndLayoutTests(ConsoleDesk desk)
{
    private const string Reviewer = "ana-reviewer";

    // Arranged once for the class: gathering evidence for a sample claim is the slow part.
    private static Task<(long ClaimId, long ArticleId)>? _arranged;

    /// <summary>The three pages a reviewer lives in, each in a state with its forms and content showing.</summary>
    private async Task<string[]> ReviewerPagesAsync()
    {
        var (claimId, articleId) = await (_arranged ??= ArrangeAsync());
        desk.Browser.SignIn(await desk.KeyAsync(Reviewer, Role.Reviewer));
        return ["/console", $"/console/articles/{articleId}", $"/console/claims/{claimId}"];
    }

    private async Task<(long, long)> ArrangeAsync()
    {
        var sample = await desk.ContradictedSampleClaimAsync();
        await desk.ClaimNeedingReviewAsync();
        return sample;
    }

    [Fact]
    public async Task The_queue_article_and_claim_pages_have_no_serious_or_critical_axe_violations()
    {
        var pages = await ReviewerPagesAsync();
        var browser = desk.Browser;
        browser.Resize(Browser.Desktop);
        var found = new List<string>();
        foreach (var page in pages)
        {
            browser.Open(page);
            browser.WaitFor(() => browser.Has("main h1"), page);
            found.AddRange(browser.SeriousViolations().Select(v => $"{page}: {v}"));
        }
        Assert.True(found.Count == 0, string.Join("\n", found));

        // The check is live: a picture without a text alternative is caught.
        browser.Driver.ExecuteScript("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">')");
        Assert.Contains(browser.SeriousViolations(), v => v.Id == "image-alt");
    }

    [Fact]
    public async Task The_pages_fit_a_phone_width_screen_without_sideways_scrolling()
    {
        var pages = await ReviewerPagesAsync();
        var browser = desk.Browser;
        browser.Resize(Browser.Phone);
        try
        {
            foreach (var page in pages)
            {
                browser.Open(page);
                browser.WaitFor(() => browser.Has("main h1"), page);
                var overflow = (long)browser.Driver.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")!;
                Assert.True(overflow <= 0, $"{page} is {overflow} px wider than a {Browser.Phone.Width} px screen");
            }
            browser.Open(pages[2]);
            browser.Screenshot("claim-phone");
        }
        finally
        {
            browser.Resize(Browser.Desktop);
        }
    }

    [Fact]
    public async Task A_claim_is_taken_from_the_queue_with_the_keyboard_alone()
    {
        var claimId = await desk.ClaimNeedingReviewAsync();
        var browser = desk.Browser;
        browser.SignIn(await desk.KeyAsync("kai-reviewer", Role.Reviewer));
        browser.Open("/console?assignee=unassigned&sort=newest");
        var take = browser.QueueItem(claimId).FindElement(By.CssSelector("form.take button"));
        for (var presses = 0; presses < 80 && !take.Equals(browser.Driver.SwitchTo().ActiveElement()); presses++)
            browser.Driver.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        Assert.Equal(take, browser.Driver.SwitchTo().ActiveElement());
        take.SendKeys(Keys.Enter);
        browser.WaitFor(() => browser.Driver.Url.EndsWith($"/console/claims/{claimId}", StringComparison.Ordinal), "the taken claim");
        Assert.Equal("kai-reviewer", browser.Text("[data-testid=assignee]"));
    }

    [Fact]
    public async Task Times_show_in_the_time_zone_the_browser_reports_at_sign_in()
    {
        var claimId = await desk.ClaimNeedingReviewAsync();
        using var tokyo = Browser.Start(desk.BaseAddress);
        tokyo.Driver.ExecuteCdpCommand("Emulation.setTimezoneOverride", new Dictionary<string, object?> { ["timezoneId"] = "Asia/Tokyo" });
        tokyo.SignIn(await desk.KeyAsync("tomo-reader", Role.Reader));
        tokyo.Open($"/console/claims/{claimId}");
        Assert.Contains("Asia/Tokyo", tokyo.Text("footer"));
        var registered = tokyo.Find("[data-testid=history] li time");
        var utc = DateTime.Parse(registered.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal(local.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), registered.Text);
    }
}
