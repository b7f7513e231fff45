namespace ClaimDesk.Api.Tests.Support;

/// <summary>Files of the checkout the tests read (and, on request, refresh): found by walking up to ClaimDesk.sln.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "ClaimDesk.sln"))) return directory.FullName;
        throw new InvalidOperationException("ClaimDesk.sln not found above " + AppContext.BaseDirectory);
    }
}
