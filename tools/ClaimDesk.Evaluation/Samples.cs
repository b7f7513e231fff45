using System.Globalization;
using System.Text.Json;

namespace ClaimDesk.Evaluation;

/// <summary>The sample articles as the manifest describes them, read from shared/ by path.</summary>
public static class Samples
{
    public sealed record Article(long Id, string File, string Outlet, DateOnly PublishedAt, string Text);

    public static IReadOnlyList<Article> Load(string directory)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json")));
        return manifest.RootElement.GetProperty("articles").EnumerateArray().Select((a, i) => new Article(
            i + 1,
            a.GetProperty("file").GetString()!,
            a.GetProperty("outlet").GetString()!,
            DateOnly.Parse(a.GetProperty("publishedAt").GetString()!, CultureInfo.InvariantCulture),
            File.ReadAllText(Path.Combine(directory, a.GetProperty("file").GetString()!)))).ToList();
    }
}
