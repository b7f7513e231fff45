using System.Globalization;
using System.Text.Json;

namespace ClaimDesk.StanceModelTests;

/// <summary>The sample articles in shared/samples/articles beside the checkout, read by path with their manifest's dates.</summary>
internal static class SampleFiles
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", "articles");
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("shared/samples/articles was not found beside the checkout.");
    });

    public static string Read(string number) =>
        File.ReadAllText(Directory.EnumerateFiles(Folder.Value, number + "_*.txt").Single());

    public static DateOnly PublishedAt(string number)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder.Value, "manifest.json")));
        var entry = manifest.RootElement.GetProperty("articles").EnumerateArray()
            .Single(a => a.GetProperty("file").GetString()!.StartsWith(number + "_", StringComparison.Ordinal));
        return DateOnly.Parse(entry.GetProperty("publishedAt").GetString()!, CultureInfo.InvariantCulture);
    }
}
