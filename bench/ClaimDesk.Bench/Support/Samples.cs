namespace ClaimDesk.Bench.Support;

/// <summary>The sample articles beside the checkout (../shared/samples/articles), by path.</summary>
public static class Samples
{
    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", "articles");
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("shared/samples/articles not found beside the checkout.");
    }

    public static IReadOnlyList<string> Texts() =>
        System.IO.Directory.EnumerateFiles(Directory(), "*.txt").Order().Select(File.ReadAllText).ToList();
}
