using OpenQA.Selenium;

namespace ClaimDesk.WebConsole.Tests.Support;

/// <summary>What a person does in the console, a few words per step.</summary>
public static class ConsoleSteps
{
    /// <summary>The claim id of the claim page the browser shows.</summary>
    public static long ClaimId(this Browser browser) =>
        long.Parse(new Uri(browser.Driver.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Clicks a workflow move on the claim page. Background jobs may change the claim between render and click (new
    /// evidence moves its version): the page then says so and shows the claim fresh, and the person clicks again.
    /// </summary>
    public static void Move(this Browser browser, string to, string? rationale = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (rationale is not null)
            {
                var box = browser.Find("#Rationale");
                box.Clear();
                box.SendKeys(rationale);
            }
            browser.Find($"button[data-move='{to}']").Click();
            browser.WaitFor(() => browser.Has("[data-testid=claim-status]"), "the claim page after a move");
            if (!browser.Has("[data-testid=stale]") || attempt == 4) return;
        }
    }

    /// <summary>Submits a form on the claim page by its button, with the same retry on a background change.</summary>
    public static void Submit(this Browser browser, string buttonCss)
    {
        for (var attempt = 1; ; attempt++)
        {
            browser.Find(buttonCss).Click();
            browser.WaitFor(() => browser.Has("[data-testid=claim-status]"), "the claim page after a change");
            if (!browser.Has("[data-testid=stale]") || attempt == 4) return;
        }
    }

    public static IWebElement QueueItem(this Browser browser, long claimId) => browser.Find($"li.queue-item[data-claim-id='{claimId}']");
}
