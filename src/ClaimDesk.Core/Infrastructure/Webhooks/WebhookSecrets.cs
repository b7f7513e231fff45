using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace ClaimDesk.Core.Infrastructure.Webhooks;

/// <summary>
/// Standard Webhooks secrets: "whsec_" + base64 of 32 random bytes, shown once. At rest they are encrypted with
/// Data Protection (keys kept in the database, so every node can sign), never hashed: signing needs the secret itself.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private const string Prefix = "whsec_";
    private readonly IDataProtector _protector = provider.CreateProtector("ClaimDesk.Webhooks.SigningSecret.v1");

    public (string Secret, string Protected) Generate()
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return (secret, _protector.Protect(secret));
    }

    /// <summary>The Standard Webhooks signature header value: "v1," + base64(HMAC-SHA256(key, "id.timestamp.body")).</summary>
    public string Sign(string protectedSecret, string messageId, long timestamp, string body)
    {
        var secret = _protector.Unprotect(protectedSecret);
        var key = Convert.FromBase64String(secret[Prefix.Length..]);
        var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(signature);
    }
}
