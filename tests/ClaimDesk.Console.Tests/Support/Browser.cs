using System.Drawing;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ClaimDesk.WebConsole.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver (no browser is downloaded). The flags keep Chromium off
/// the network: this machine refuses its background connections.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";
    public static readonly Size Desktop = new(1280, 900);
    public static readonly Size Phone = new(390, 844);

    private readonly string _profile;
    private readonly Uri _base;

    private Browser(ChromeDriver driver, string profile, Uri baseAddress)
    {
        Driver = driver;
        _profile = profile;
        _base = baseAddress;
    }

    public ChromeDriver Driver { get; }

    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static Browser Start(Uri baseAddress)
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
            throw new InvalidOperationException("The console's browser tests need Debian's Chromium and its driver: " +
                                                "apt-get install -y chromium chromium-driver (.ci/run installs them).");
        // Selenium Manager must not try to fetch a driver or a browser: both are Debian's.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var profile = Path.Combine(Path.GetTempPath(), "claimdesk-chromium-" + Guid.NewGuid().ToString("N"));
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={profile}", $"--window-size={Desktop.Width},{Desktop.Height}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
        return new Browser(driver, profile, baseAddress);
    }

    public void Open(string path) => Driver.Navigate().GoToUrl(new Uri(_base, path));

    public void Reload() => Driver.Navigate().Refresh();

    /// <summary>Signs out whoever was signed in, then signs in with the key (time zone as the browser reports it).</summary>
    public void SignIn(string key)
    {
        Driver.Manage().Cookies.DeleteAllCookies();
        Open("/console/sign-in");
        WaitFor(() => Has("#ApiKey"), "the sign-in form", seconds: 5);
        Driver.FindElement(By.Id("ApiKey")).SendKeys(key);
        Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        WaitFor(() => !Driver.Url.Contains("/sign-in", StringComparison.Ordinal), "signing in");
    }

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    public bool Has(string css) => Driver.FindElements(By.CssSelector(css)).Count > 0;

    public string Text(string css) => Find(css).Text;

    /// <summary>Waits for something the page must come to show, reloading it between looks when asked to (background jobs).</summary>
    public void WaitFor(Func<bool> condition, string what, int seconds = 30, bool reload = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                if (condition()) return;
            }
            catch (Exception ex) when (ex is NoSuchElementException or StaleElementReferenceException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {seconds} s for {what}; the page is {Driver.Url}:\n{Driver.PageSource}");
            Thread.Sleep(200);
            if (reload) Reload();
        }
    }

    public string Body() => Driver.FindElement(By.TagName("body")).Text;

    public void Resize(Size size) => Driver.Manage().Window.Size = size;

    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        // The whole page, not only the window: Chromium's DevTools can capture beyond the viewport.
        var metrics = Driver.ExecuteCdpCommand("Page.getLayoutMetrics", new Dictionary<string, object?>());
        var size = JsonSerializer.SerializeToElement(metrics).GetProperty("cssContentSize");
        var shot = Driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new Dictionary<string, object>
            {
                ["x"] = 0, ["y"] = 0, ["scale"] = 1,
                ["width"] = size.GetProperty("width").GetDouble(),
                ["height"] = Math.Min(size.GetProperty("height").GetDouble(), 4000),
            },
        });
        File.WriteAllBytes(path, Convert.FromBase64String(JsonSerializer.SerializeToElement(shot).GetProperty("data").GetString()!));
        return path;
    }

    /// <summary>The browser's cookies for this desk, to send from a plain HTTP client (HttpOnly ones included).</summary>
    public string CookieHeader() =>
        string.Join("; ", Driver.Manage().Cookies.AllCookies.Select(c => $"{c.Name}={c.Value}"));

    public void Dispose()
    {
        try { Driver.Quit(); } catch (WebDriverException) { }
        Driver.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
