namespace ClaimDesk.Core.Domain;

public enum GatheringKind
{
    /// <summary>The claim searched every article the desk holds (at registration, or "gather again now").</summary>
    Gathering,
    /// <summary>A newly indexed article was matched against the claim.</summary>
    Matching,
}

/// <summary>
/// One run of the evidence engine for a claim, kept so a reviewer can see what was looked at: how many articles the
/// stance model judged, how many it found related, whether the cap on related articles was reached, which model.
/// </summary>
public sealed class GatheringRun
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public GatheringKind Kind { get; set; }
    /// <summary>For a matching run: the new article.</summary>
    public long? ArticleId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public double ElapsedMs { get; set; }
    /// <summary>Articles retrieval handed to the stance model.</summary>
    public int ArticlesConsidered { get; set; }
    /// <summary>Articles the model found related (before the cap).</summary>
    public int ArticlesRelated { get; set; }
    /// <summary>Evidence items this run added (new articles; refreshed ones are not counted).</summary>
    public int EvidenceAdded { get; set; }
    public int Cap { get; set; }
    /// <summary>More related articles than <see cref="Cap"/>: only the most related were kept.</summary>
    public bool CapReached { get; set; }
    public required string Model { get; set; }
}
