using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Core.Security;

/// <summary>
/// Configuration section ClaimDesk:DataProtection: the certificate that encrypts the Data Protection key ring before it
/// is stored. The key ring sits in the database beside the webhook signing secrets it encrypts, so without a certificate
/// anyone who can read the database can read the secrets.
/// </summary>
public sealed class KeyRingProtectionOptions
{
    public const string Section = "ClaimDesk:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Or: the thumbprint of a certificate in the current user's or the machine's "My" store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>
    /// Certificates replaced by a rotation: they encrypt no new key, but still decrypt the keys they encrypted (which the
    /// secrets protected by those keys need for as long as the secrets exist).
    /// </summary>
    public List<RetiredCertificate> PreviousCertificates { get; set; } = [];

    public sealed class RetiredCertificate
    {
        public string? Path { get; set; }
        public string? Password { get; set; }
        public string? Thumbprint { get; set; }
    }
}

/// <summary>What protects the key ring in this process: a certificate, or nothing (the embedded default).</summary>
public sealed record KeyRingProtection(X509Certificate2? Certificate)
{
    // The framework's own warning comes from here, once per key it creates, and does not say what to do about it.
    internal const string FrameworkKeyManagerCategory = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public bool IsProtected => Certificate is not null;

    /// <summary>
    /// Encrypts stored keys with the configured certificate; a configured certificate that cannot be loaded stops the
    /// start, rather than leaving the keys unencrypted while the operator believes otherwise.
    /// </summary>
    public static KeyRingProtection Configure(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingProtectionOptions.Section).Get<KeyRingProtectionOptions>() ?? new();
        var current = Load(options.CertificatePath, options.CertificatePassword, options.CertificateThumbprint, KeyRingProtectionOptions.Section + ":Certificate");
        var retired = options.PreviousCertificates
            .Select((c, i) => Load(c.Path, c.Password, c.Thumbprint, $"{KeyRingProtectionOptions.Section}:PreviousCertificates:{i}:"))
            .OfType<X509Certificate2>().ToArray();
        if (current is null && retired.Length > 0)
            throw new InvalidOperationException($"{KeyRingProtectionOptions.Section}:PreviousCertificates is set but no current certificate is: set CertificatePath or CertificateThumbprint.");

        var protection = new KeyRingProtection(current);
        dataProtection.Services.AddSingleton(protection);
        dataProtection.Services.AddHostedService<KeyRingProtectionCheck>();
        if (current is null)
        {
            // One warning at start-up says what to do (KeyRingProtectionCheck); the framework's would repeat it per key.
            dataProtection.Services.AddLogging(logging => logging.AddFilter(FrameworkKeyManagerCategory, LogLevel.Error));
            return protection;
        }
        dataProtection.ProtectKeysWithCertificate(current);
        if (retired.Length > 0) dataProtection.UnprotectKeysWithAnyCertificate(retired);
        return protection;
    }

    private static X509Certificate2? Load(string? path, string? password, string? thumbprint, string setting)
    {
        if (!string.IsNullOrWhiteSpace(path) && !string.IsNullOrWhiteSpace(thumbprint))
            throw new InvalidOperationException($"{setting}: set a path or a thumbprint, not both.");
        var certificate = !string.IsNullOrWhiteSpace(path) ? FromFile(path, password, setting)
            : !string.IsNullOrWhiteSpace(thumbprint) ? FromStore(thumbprint, setting)
            : null;
        if (certificate is { HasPrivateKey: false })
            throw new InvalidOperationException($"{setting}: the certificate {certificate.Thumbprint} has no private key, so it could not decrypt the keys it encrypts.");
        return certificate;
    }

    private static X509Certificate2 FromFile(string path, string? password, string setting)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"{setting}Path: no file at '{path}'.");
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{setting}Path: '{path}' could not be opened as a PKCS#12 file (is {setting}Password right?).", ex);
        }
    }

    private static X509Certificate2 FromStore(string thumbprint, string setting)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try { store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly); }
            catch (CryptographicException) { continue; } // a store that does not exist on this machine
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", ""), validOnly: false);
            if (found.Count > 0) return found[0];
        }
        throw new InvalidOperationException($"{setting}Thumbprint: no certificate {thumbprint} in the CurrentUser or LocalMachine 'My' store.");
    }
}
