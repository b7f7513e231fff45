using System.Security.Cryptography;
using System.Text;

namespace ClaimDesk.Core.Features.Articles;

/// <summary>Whitespace differences (a re-post with other line breaks) do not make a different article.</summary>
public static class ContentHash
{
    public static string Of(string text)
    {
        var normalized = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) { pendingSpace = normalized.Length > 0; continue; }
            if (pendingSpace) { normalized.Append(' '); pendingSpace = false; }
            normalized.Append(ch);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized.ToString())));
    }
}
