#:property PublishAot=false
// Loads ../shared/samples/articles into a running ClaimDesk, as the desk's first minute of data.
// Usage: dotnet run scripts/load-samples.cs -- [--url http://localhost:5080] [--key <api key>] [--samples <dir>] [--wait <seconds>]
// The key defaults to $CLAIMDESK_API_KEY, then $CLAIMDESK_BOOTSTRAP_KEY. The script first waits (60 s by default) for
// the desk's /health/ready, so it can follow `dotnet run --project src/ClaimDesk.Api &` at once.
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

var url = Arg("--url") ?? "http://localhost:5080";
var key = Arg("--key") ?? Environment.GetEnvironmentVariable("CLAIMDESK_API_KEY") ?? Environment.GetEnvironmentVariable("CLAIMDESK_BOOTSTRAP_KEY");
var samples = Arg("--samples") ?? Path.Combine("..", "shared", "samples", "articles");
var waitSeconds = int.TryParse(Arg("--wait"), out var w) ? w : 60;

if (string.IsNullOrWhiteSpace(key))
    return Fail("No API key: pass --key, or set CLAIMDESK_API_KEY (or CLAIMDESK_BOOTSTRAP_KEY, the admin key the desk was first started with).");
var manifestPath = Path.Combine(samples, "manifest.json");
if (!File.Exists(manifestPath))
    return Fail($"No sample manifest at {Path.GetFullPath(manifestPath)}: run from the checkout with ../shared beside it, or pass --samples <dir>.");

using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

if (!await WaitUntilReadyAsync())
    return Fail($"The desk at {url} was not ready within {waitSeconds} s ({url}/health/ready). Is it running (dotnet run --project src/ClaimDesk.Api)? " +
                "Pass --wait <seconds> to wait longer, or --url if it listens elsewhere.");

try
{
    using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
    foreach (var entry in manifest.RootElement.GetProperty("articles").EnumerateArray())
    {
        var file = entry.GetProperty("file").GetString()!;
        var text = File.ReadAllText(Path.Combine(samples, file));
        // The first line is the headline; one sample has none and opens with a paragraph, so keep titles short.
        var title = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        if (title.Length > 120) title = title[..title.LastIndexOf(' ', 120)] + "…";
        var response = await http.PostAsJsonAsync("/api/v1/articles", new
        {
            title,
            text,
            outlet = entry.GetProperty("outlet").GetString(),
            publishedAt = entry.GetProperty("publishedAt").GetString(),
            language = entry.GetProperty("language").GetString(),
        });
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync();
            var hint = (int)response.StatusCode == 401
                ? " The key is not one of this desk's: a desk started once before keeps its first admin key (see the README's first run)."
                : "";
            return Fail($"{file}: the desk answered {(int)response.StatusCode}: {problem}{hint}");
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var state = (int)response.StatusCode == 201 ? "registered" : "already held";
        Console.WriteLine($"{file}: article {body.GetProperty("id").GetInt64()} ({state}) — {title}");
    }
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
{
    return Fail($"Loading stopped: {e.Message}");
}
return 0;

async Task<bool> WaitUntilReadyAsync()
{
    var deadline = DateTime.UtcNow.AddSeconds(waitSeconds);
    var told = false;
    while (true)
    {
        try
        {
            using var ready = await http.GetAsync("/health/ready");
            if (ready.IsSuccessStatusCode) return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Not listening yet: the desk is still starting (building, migrating, loading its model).
        }
        if (DateTime.UtcNow > deadline) return false;
        if (!told) Console.WriteLine($"Waiting for the desk at {url} to be ready (up to {waitSeconds} s)…");
        told = true;
        await Task.Delay(1000);
    }
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 1;
}
