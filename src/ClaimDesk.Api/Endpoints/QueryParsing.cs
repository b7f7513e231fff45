using ClaimDesk.Core.Common;

namespace ClaimDesk.Api.Endpoints;

/// <summary>Query-string values the way clients write them (camelCase enums, any case), with a 400 naming the field otherwise.</summary>
internal static class QueryParsing
{
    public static TEnum? Enum<TEnum>(string? value, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        var allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new FieldValidationException(field, $"'{Truncate(value)}' is not a valid {field}; use one of: {allowed}.");
    }

    /// <summary>The claim version named by If-Match: null when the header is absent, -1 when it names no version of this claim.</summary>
    public static int? IfMatchVersion(HttpContext context, long claimId)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(header) ? null : ETag.ParseVersion(header, claimId);
    }

    private static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
