using System.Security.Claims;
using ClaimDesk.Core.Data;
using ClaimDesk.WebConsole;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// Console sign-in and session checks through the same key lookup and cache as the API's Bearer scheme. A session keeps
/// the key's id and a fingerprint (a SHA-256 of the key, never the key): each request finds it in the cache, or checks
/// the key row is still unrevoked; a revocation on this node empties the cache entry at once, on other nodes within
/// <see cref="ApiKeyCache.Lifetime"/>.
/// </summary>
public sealed class ConsoleKeys(ApiKeyCache cache, IServiceProvider services) : IConsoleKeys
{
    private const string FingerprintClaim = "claimdesk:keyFingerprint";

    public async Task<ClaimsIdentity?> IdentifyAsync(string presentedKey, string authenticationType, CancellationToken ct)
    {
        var known = await ApiKeyAuthenticationHandler.FindAsync(presentedKey, cache, services, ct);
        if (known is null) return null;
        var identity = ApiKeyAuthenticationHandler.IdentityOf(known, authenticationType);
        identity.AddClaim(new Claim(FingerprintClaim, ApiKeyCache.Fingerprint(presentedKey)));
        return identity;
    }

    public async Task<bool> IsActiveAsync(ClaimsPrincipal session, CancellationToken ct)
    {
        var fingerprint = session.FindFirstValue(FingerprintClaim);
        if (fingerprint is null || !long.TryParse(session.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var keyId)) return false;
        if (cache.Find(fingerprint) is { } known) return known.Id == keyId;
        var db = services.GetRequiredService<ClaimDeskDbContext>();
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId && k.RevokedAt == null)
            .Select(k => new { k.Name, k.Role }).FirstOrDefaultAsync(ct);
        if (key is null) return false;
        cache.Remember(fingerprint, keyId, key.Name, key.Role.ToString());
        return true;
    }

    public void Revoked(long keyId) => cache.Forget(keyId);
}
