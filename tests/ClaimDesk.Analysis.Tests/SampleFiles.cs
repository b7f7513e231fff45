namespace ClaimDesk.Analysis.Tests;

/// <summary>The sample articles in shared/samples/articles beside the checkout, read by path.</summary>
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
}
