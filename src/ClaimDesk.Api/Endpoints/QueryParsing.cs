using ClaimDesk.Api.Infrastructure;
using ClaimDesk.Core.Common;

namespace ClaimDesk.Api.Endpoints;

/// <summary>Query-string and body values the way clients write them (one camelCase enum name, any case), with a 400 naming the field otherwise.</summary>
internal static class QueryParsing
{
    public static TEnum? Enum<TEnum>(string? value, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (StrictEnum<TEnum>.TryParse(value, out var parsed)) return parsed;
        throw new FieldValidationException(field, $"{StrictEnum<TEnum>.Refusal(value)} Give one value.");
    }

    /// <summary>A multi-value filter: the parameter repeated (status=a&amp;status=b), each value one name; null when absent.</summary>
    public static IReadOnlyList<TEnum>? Enums<TEnum>(string[]? values, string field) where TEnum : struct, Enum
    {
        if (values is null || values.All(string.IsNullOrWhiteSpace)) return null;
        var parsed = new List<TEnum>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (!StrictEnum<TEnum>.TryParse(value, out var one))
                throw new FieldValidationException(field, StrictEnum<TEnum>.Refusal(value)
                    + (value.Contains(',') ? $" To ask for several, repeat the parameter: {field}=a&{field}=b." : ""));
            if (!parsed.Contains(one)) parsed.Add(one);
        }
        return parsed;
    }

    /// <summary>The claim version named by If-Match: null when the header is absent, -1 when it names no version of this claim.</summary>
    public static int? IfMatchVersion(string? ifMatch, long claimId) =>
        string.IsNullOrWhiteSpace(ifMatch) ? null : ETag.ParseVersion(ifMatch, claimId);

    /// <summary>A list's sort, which a sync (updatedSince) cannot take: changes always come oldest first.</summary>
    public static TEnum? SortOrSync<TEnum>(string? sort, DateTimeOffset? updatedSince) where TEnum : struct, Enum
    {
        if (updatedSince is not null && !string.IsNullOrWhiteSpace(sort))
            throw new FieldValidationException("sort", "'sort' cannot be combined with 'updatedSince': changes are listed oldest first (updatedAt, then id).");
        return Enum<TEnum>(sort, "sort");
    }
}
