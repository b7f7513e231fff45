using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Security;

/// <summary>On an empty database, creates the first admin key so the desk can be entered at all.</summary>
public static class ApiKeyBootstrap
{
    public const string EnvironmentVariable = "CLAIMDESK_BOOTSTRAP_KEY";

    /// <returns>The plaintext of a generated key (to print once), or null when a key was given or keys exist.</returns>
    public static async Task<string?> EnsureAdminKeyAsync(ClaimDeskDbContext db, string? configuredKey, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.ApiKeys.AnyAsync(ct)) return null;
        if (configuredKey is not null && configuredKey.Length < 20)
            throw new InvalidOperationException($"{EnvironmentVariable} must be at least 20 characters long.");
        var key = configuredKey is null ? ApiKeySecrets.Generate() : ApiKeySecrets.FromPlaintext(configuredKey);
        db.ApiKeys.Add(new ApiKey
        {
            Name = "admin", Role = Role.Admin, Prefix = key.Prefix, SecretHash = key.Hash,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = "bootstrap",
        });
        await db.SaveChangesAsync(ct);
        return configuredKey is null ? key.Plaintext : null;
    }
}
