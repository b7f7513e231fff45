namespace ClaimDesk.Core.Domain;

/// <summary>The first answer to an unsafe request sent with an Idempotency-Key, kept to replay it.</summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public long ApiKeyId { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }
    /// <summary>0 while the first request is still running.</summary>
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
