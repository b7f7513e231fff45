using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// Validated keys for a few seconds, so a busy tool's requests do not each read the key table. Keyed by a hash of the
/// presented key (the plaintext is never kept). A revocation on this node takes effect at once; on other nodes within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public sealed record Entry(long Id, string Name, string Role, DateTime ExpiresAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public static string Fingerprint(string presented) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    public Entry? Find(string fingerprint) =>
        _entries.TryGetValue(fingerprint, out var entry) && entry.ExpiresAt > clock.GetUtcNow().UtcDateTime ? entry : null;

    public void Remember(string fingerprint, long id, string name, string role)
    {
        if (_entries.Count > 10_000) _entries.Clear(); // bounded: many distinct keys simply miss the cache
        _entries[fingerprint] = new Entry(id, name, role, clock.GetUtcNow().UtcDateTime + Lifetime);
    }

    public void Forget(long keyId)
    {
        foreach (var (fingerprint, entry) in _entries)
            if (entry.Id == keyId) _entries.TryRemove(fingerprint, out _);
    }
}
