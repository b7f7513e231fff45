using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ClaimDesk.Core.Security;

/// <summary>
/// Encrypts the stored body of an idempotent answer. Some answers carry a secret shown once (a new API key, a webhook's
/// signing secret) and are kept 24 hours so that a retry can still get it: stored as they were sent, a copy of the
/// database would hold those secrets in plain text, where keys are otherwise only hashes. Sealed with the desk's Data
/// Protection keys (encrypted at rest themselves when a certificate is configured), as webhook secrets are.
/// </summary>
public sealed class IdempotentAnswerSeal(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ClaimDesk.IdempotentAnswers.v1");

    public byte[] Seal(byte[] body) => body.Length == 0 ? body : _protector.Protect(body);

    /// <summary>The body as sent, or null when it cannot be opened (a row from before sealing, or a key ring that is gone).</summary>
    public byte[]? Open(byte[]? sealedBody)
    {
        if (sealedBody is null || sealedBody.Length == 0) return [];
        try
        {
            return _protector.Unprotect(sealedBody);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
