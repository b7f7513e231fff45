namespace ClaimDesk.Evaluation;

/// <summary>Finds shared/samples/articles: given by --samples, else beside the checkout (as CI lays it out).</summary>
public static class SamplesLocator
{
    public static string Find(string[] args)
    {
        var flag = Array.IndexOf(args, "--samples");
        if (flag >= 0 && flag + 1 < args.Length) return Path.GetFullPath(args[flag + 1]);

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "samples", "articles");
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("shared/samples/articles not found beside the checkout; pass --samples <dir>.");
    }
}
