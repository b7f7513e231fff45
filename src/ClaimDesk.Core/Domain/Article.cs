namespace ClaimDesk.Core.Domain;

public enum ArticleState
{
    /// <summary>Submitted by URL; a job will fetch it.</summary>
    PendingFetch,
    /// <summary>The fetch failed; <see cref="Article.FailureReason"/> says why.</summary>
    FetchFailed,
    /// <summary>Text stored and split into passages; waiting for the index job.</summary>
    Registered,
    /// <summary>Passages embedded and searchable by the corroboration engine.</summary>
    Indexed,
}

public sealed class Article
{
    public long Id { get; set; }
    public long OutletId { get; set; }
    public Outlet Outlet { get; set; } = null!;
    public string? Url { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? PublishedAt { get; set; }
    public string Language { get; set; } = "en";
    public string Text { get; set; } = "";
    /// <summary>SHA-256 of the whitespace-normalised text: a re-post of the same text is the same article.</summary>
    public string? ContentHash { get; set; }
    public ArticleState State { get; set; }
    public string? FailureReason { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When anything a reader sees last changed (registered, fetched, failed, indexed): what sync clients page by.</summary>
    public DateTime UpdatedAt { get; set; }
    public DateTime? IndexedAt { get; set; }
    /// <summary>When the suggestion job stored this article's check-worthy sentences; null until then.</summary>
    public DateTime? SuggestionsComputedAt { get; set; }
    public List<Passage> Passages { get; set; } = [];

    public void Touch(DateTime now) => UpdatedAt = now;
}
