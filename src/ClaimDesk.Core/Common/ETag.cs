namespace ClaimDesk.Core.Common;

/// <summary>A claim's version as an HTTP entity tag.</summary>
public static class ETag
{
    public static string For(long id, int version) => $"\"{id}-{version}\"";

    /// <summary>Reads the version out of an If-Match value; null when it is not one of ours.</summary>
    public static int? ParseVersion(string? ifMatch, long id)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) return null;
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        var prefix = $"{id}-";
        return value.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(value.AsSpan(prefix.Length), out var v) ? v : -1;
    }
}
