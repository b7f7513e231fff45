namespace ClaimDesk.Core.Domain;

/// <summary>An RSS or Atom feed the desk polls; its new items become articles.</summary>
public sealed class Feed
{
    public long Id { get; set; }
    public required string Url { get; set; }
    public required string OutletName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastPolledAt { get; set; }
    public string? LastError { get; set; }
    public int ItemsSeen { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>An item link a feed has already produced, so a poll never registers it twice.</summary>
public sealed class FeedItem
{
    public long Id { get; set; }
    public long FeedId { get; set; }
    public required string Link { get; set; }
    public long? ArticleId { get; set; }
    public DateTime SeenAt { get; set; }
}
