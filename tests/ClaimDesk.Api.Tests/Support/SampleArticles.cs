using System.Text.Json;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>The real sample articles in shared/samples/articles beside the checkout (read by path, never copied).</summary>
public static class SampleArticles
{
    public sealed record Sample(string File, string Outlet, DateOnly PublishedAt, string Language, string Text)
    {
        public string Title => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
    }

    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    public static IReadOnlyList<Sample> All()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "manifest.json")));
        return manifest.RootElement.GetProperty("articles").EnumerateArray().Select(a => new Sample(
            a.GetProperty("file").GetString()!,
            a.GetProperty("outlet").GetString()!,
            DateOnly.Parse(a.GetProperty("publishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            a.GetProperty("language").GetString()!,
            File.ReadAllText(Path.Combine(Directory, a.GetProperty("file").GetString()!)))).ToList();
    }

    /// <summary>The sample whose file name starts with the number, e.g. "002".</summary>
    public static Sample Get(string number) => All().Single(s => s.File.StartsWith(number + "_", StringComparison.Ordinal));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", "articles");
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("shared/samples/articles was not found beside the checkout.");
    }
}
