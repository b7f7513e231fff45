#:property PublishAot=false
// Loads ../shared/samples/articles into a running ClaimDesk, as the desk's first minute of data.
// Usage: dotnet run scripts/load-samples.cs -- [--url http://localhost:5080] [--key <api key>] [--samples <dir>]
// The key defaults to $CLAIMDESK_API_KEY, then $CLAIMDESK_BOOTSTRAP_KEY.
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

string Arg(string name, string? fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is required");

var url = Arg("--url", "http://localhost:5080");
var key = Arg("--key", Environment.GetEnvironmentVariable("CLAIMDESK_API_KEY") ?? Environment.GetEnvironmentVariable("CLAIMDESK_BOOTSTRAP_KEY"));
var samples = Arg("--samples", Path.Combine("..", "shared", "samples", "articles"));

using var http = new HttpClient { BaseAddress = new Uri(url) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, "manifest.json")));
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
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    if (!response.IsSuccessStatusCode)
    {
        Console.Error.WriteLine($"{file}: {(int)response.StatusCode} {body}");
        return 1;
    }
    var state = (int)response.StatusCode == 201 ? "registered" : "already held";
    Console.WriteLine($"{file}: article {body.GetProperty("id").GetInt64()} ({state}) — {title}");
}
return 0;
