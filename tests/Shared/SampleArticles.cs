using System.Globalization;
using System.Text.Json;

namespace ClaimDesk.Samples;

/// <summary>
/// The real sample articles in shared/samples/articles beside the checkout, as manifest.json describes them: read by
/// path, never copied into the repository. One source file, compiled into every test, tool and benchmark that reads them.
/// </summary>
public static class SampleArticles
{
    public sealed record Sample(string File, string Outlet, DateOnly PublishedAt, string Language, string Text)
    {
        /// <summary>The number the file name starts with, e.g. "002".</summary>
        public string Number => File[..File.IndexOf('_')];

        /// <summary>The first line; one sample has no headline and opens with its first paragraph.</summary>
        public string Title => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
    }

    private static readonly Lazy<string> Found = new(Locate);

    /// <summary>The folder, found by walking up from the build output to the folder that holds shared/ (as CI lays it out).</summary>
    public static string Folder => Found.Value;

    /// <summary>Every sample in manifest order, from <paramref name="folder"/> or the one beside the checkout.</summary>
    public static IReadOnlyList<Sample> All(string? folder = null)
    {
        folder ??= Folder;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        return manifest.RootElement.GetProperty("articles").EnumerateArray().Select(a => new Sample(
            a.GetProperty("file").GetString()!,
            a.GetProperty("outlet").GetString()!,
            DateOnly.Parse(a.GetProperty("publishedAt").GetString()!, CultureInfo.InvariantCulture),
            a.GetProperty("language").GetString()!,
            File.ReadAllText(Path.Combine(folder, a.GetProperty("file").GetString()!)))).ToList();
    }

    /// <summary>The sample whose file name starts with the number, e.g. "002".</summary>
    public static Sample Get(string number) => All().Single(s => s.Number == number);

    /// <summary>The text of the sample whose file name starts with the number.</summary>
    public static string Read(string number) => Get(number).Text;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", "articles");
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("shared/samples/articles was not found beside the checkout (see the README).");
    }
}
