using System.Security.Cryptography;
using System.Text;

namespace ClaimDesk.Core.Security;

/// <summary>
/// API keys look like <c>cdk_&lt;prefix&gt;_&lt;secret&gt;</c>. The prefix finds the row; only a SHA-256 of the whole key is
/// stored. A slow password hash is not needed here: the secret is 256 random bits, not something a person chose.
/// </summary>
public static class ApiKeySecrets
{
    private const string Scheme = "cdk";
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public sealed record GeneratedKey(string Plaintext, string Prefix, byte[] Hash);

    public static GeneratedKey Generate()
    {
        var prefix = RandomString(10);
        var plaintext = $"{Scheme}_{prefix}_{RandomString(43)}";
        return new GeneratedKey(plaintext, prefix, Hash(plaintext));
    }

    /// <summary>Accepts an operator-chosen key (the bootstrap key); it must still be long enough to be a secret.</summary>
    public static GeneratedKey FromPlaintext(string plaintext)
    {
        if (!TryParsePrefix(plaintext, out var prefix))
        {
            // A bootstrap key in any other shape is still accepted; its prefix is derived from its hash.
            prefix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)))[..10];
        }
        return new GeneratedKey(plaintext, prefix, Hash(plaintext));
    }

    public static byte[] Hash(string plaintext) => SHA256.HashData(Encoding.UTF8.GetBytes(plaintext));

    public static bool Matches(string plaintext, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(plaintext), storedHash);

    /// <summary>The lookup prefix of a presented key: the middle part of cdk_ keys, a hash prefix for any other shape.</summary>
    public static string LookupPrefix(string plaintext) =>
        TryParsePrefix(plaintext, out var prefix)
            ? prefix
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)))[..10];

    private static bool TryParsePrefix(string plaintext, out string prefix)
    {
        var parts = plaintext.Split('_');
        if (parts.Length == 3 && parts[0] == Scheme && parts[1].Length == 10 && parts[2].Length >= 20)
        {
            prefix = parts[1];
            return true;
        }
        prefix = "";
        return false;
    }

    private static string RandomString(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });
}
