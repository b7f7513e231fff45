using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Security;

/// <summary>
/// At start-up: without a certificate, one warning (outside Development) that says what to do. With one, makes sure a key
/// encrypted to that certificate is in the ring: a desk that ran without one (or with a certificate since rotated) has a
/// default key that would otherwise stay the default until it expires (90 days). Data Protection makes the new key the
/// default once it is two days old (the time it gives every node to learn a key), and keeps the old ones for what they
/// protected.
/// </summary>
public sealed partial class KeyRingProtectionCheck(
    KeyRingProtection protection, IKeyManager keys, IOptions<KeyManagementOptions> keyManagement, IHostEnvironment environment,
    TimeProvider clock, ILogger<KeyRingProtectionCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (protection.Certificate is not { } certificate)
        {
            if (!environment.IsDevelopment()) Unprotected(logger, KeyRingProtectionOptions.Section);
            return Task.CompletedTask;
        }

        var now = clock.GetUtcNow();
        var encryptedToCertificate = KeyIdsEncryptedTo(certificate);
        var active = keys.GetAllKeys().Where(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now).ToList();
        if (!active.Any(k => encryptedToCertificate.Contains(k.KeyId)))
        {
            keys.CreateNewKey(now, now + keyManagement.Value.NewKeyLifetime);
            if (active.Count > 0) ReplacedKeys(logger, active.Count);
        }
        Protected(logger, certificate.Subject, certificate.Thumbprint);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Keys whose stored XML is encrypted to the certificate: its encrypted data names the certificate it was encrypted to.</summary>
    private HashSet<Guid> KeyIdsEncryptedTo(X509Certificate2 certificate)
    {
        var named = Convert.ToBase64String(certificate.RawData);
        var stored = keyManagement.Value.XmlRepository?.GetAllElements() ?? [];
        return stored.Where(e => e.Name.LocalName == "key" && e.Descendants().Any(d =>
                d.Name.LocalName == "X509Certificate" && string.Concat(d.Value.Where(c => !char.IsWhiteSpace(c))) == named))
            .Select(e => Guid.TryParse((string?)e.Attribute("id"), out var id) ? id : Guid.Empty)
            .ToHashSet();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message =
        "Data Protection keys are stored unencrypted in the database, beside the webhook signing secrets they encrypt: whoever " +
        "can read the database can read the secrets. Set {Section}:CertificatePath and CertificatePassword (or CertificateThumbprint) " +
        "to encrypt them with a certificate; see deploy/README.md.")]
    private static partial void Unprotected(ILogger logger, string section);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Data Protection keys are encrypted with the certificate {Subject} ({Thumbprint}).")]
    private static partial void Protected(ILogger logger, string subject, string thumbprint);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message =
        "Created a Data Protection key encrypted to the configured certificate; it replaces the {Count} key(s) stored unencrypted " +
        "or encrypted to another certificate as the default within two days. The old keys stay, since secrets made with them " +
        "need them (see deploy/README.md on rotation).")]
    private static partial void ReplacedKeys(ILogger logger, int count);
}
