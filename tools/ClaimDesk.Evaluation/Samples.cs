namespace ClaimDesk.Evaluation;

/// <summary>The sample articles as the evaluations number them: 1, 2, 3 in manifest order, as the desk would.</summary>
public static class Samples
{
    public sealed record Article(long Id, string File, string Outlet, DateOnly PublishedAt, string Text);

    public static IReadOnlyList<Article> Load(string directory) =>
        SampleArticles.All(directory).Select((s, i) => new Article(i + 1, s.File, s.Outlet, s.PublishedAt, s.Text)).ToList();
}
