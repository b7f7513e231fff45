using System.Security.Claims;

namespace ClaimDesk.WebConsole;

/// <summary>
/// The desk's API keys as the console's sign-in sees them. The host implements it where the key store and its cache
/// live, so a console session is checked exactly like an API request with the same key.
/// </summary>
public interface IConsoleKeys
{
    /// <summary>The identity (name, role, key id) of a presented key, for a session of <paramref name="authenticationType"/>; null when the key is unknown or revoked.</summary>
    Task<ClaimsIdentity?> IdentifyAsync(string presentedKey, string authenticationType, CancellationToken ct);

    /// <summary>Whether the key behind a session is still active: a revoked key ends its sessions.</summary>
    Task<bool> IsActiveAsync(ClaimsPrincipal session, CancellationToken ct);

    /// <summary>A key was revoked through the console: forget what is cached about it at once.</summary>
    void Revoked(long keyId);
}
