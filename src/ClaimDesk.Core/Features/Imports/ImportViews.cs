using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimDesk.Analysis;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;

namespace ClaimDesk.Core.Features.Imports;

/// <summary>One line of an NDJSON import: the fields of POST /articles, and the claims it makes (the fields of POST /claims, without articleId).</summary>
public sealed record ImportedArticle(
    string? Title, string? Text, string? Outlet, string? Url, DateOnly? PublishedAt, string? Language, IReadOnlyList<ImportedClaim>? Claims)
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>How a received line is stored until it is processed.</summary>
    public string ToStoredJson() => JsonSerializer.Serialize(this, Stored);

    public static ImportedArticle FromStoredJson(string json) =>
        JsonSerializer.Deserialize<ImportedArticle>(json, Stored) ?? throw new InvalidOperationException("An empty import line was stored.");
}

public sealed record ImportedClaim(string? Text, QuoteSpan? Quote, string? Claimant, ClaimKind? Kind);

/// <summary>A line as the upload read it: the article, or why it could not be read (bad JSON, too long).</summary>
public sealed record ReceivedLine(int LineNumber, ImportedArticle? Article, string? Problem);

public sealed record ImportFailure(int Line, string Reason);

public sealed record ImportView(
    long Id, ImportState State, int Lines, int Processed, int Registered, int Duplicates, int Failed, int Claims,
    DateTime CreatedAt, string CreatedBy, DateTime? StartedAt, DateTime? CompletedAt, PagedResult<ImportFailure> Failures)
{
    public static ImportView Of(Import i, PagedResult<ImportFailure> failures) => new(
        i.Id, i.State, i.Lines, i.Processed, i.Created, i.Duplicates, i.Failed, i.Claims, i.CreatedAt, i.CreatedBy, i.StartedAt, i.CompletedAt, failures);
}
