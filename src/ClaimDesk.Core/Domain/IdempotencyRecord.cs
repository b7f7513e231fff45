namespace ClaimDesk.Core.Domain;

/// <summary>
/// The first answer to an unsafe request sent with an Idempotency-Key, kept to replay it. Written in the transaction
/// that commits the request's change (or, for a refusal that changed nothing, right after it), never before: a key with
/// no record is a key whose request changed nothing, and is free.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>How long an answer is replayed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public long Id { get; set; }
    public long ApiKeyId { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }
    /// <summary>The answer's status. 0 only in rows left by versions that took a key before answering: no answer, the key is free.</summary>
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    public static IdempotencyRecord Of(long apiKeyId, string key, string requestHash, IdempotentAnswer answer, DateTime now) => new()
    {
        ApiKeyId = apiKeyId, Key = key, RequestHash = requestHash, StatusCode = answer.StatusCode, ContentType = answer.ContentType,
        Location = answer.Location, ETag = answer.ETag, Body = answer.Body, CreatedAt = now, ExpiresAt = now + Lifetime,
    };

    public IdempotentAnswer Answer => new(StatusCode, ContentType, Location, ETag, Body ?? []);
}

/// <summary>An HTTP answer as the client receives it: status, the headers a retry needs, and the body's exact bytes.</summary>
public sealed record IdempotentAnswer(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body);
