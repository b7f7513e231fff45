using System.Text.Json.Serialization;

namespace ClaimDesk.Api.Contract;

// The schema.org ClaimReview JSON-LD of GET /claims/{id}/claimreview, as the OpenAPI document describes it. The handler
// builds the JSON itself (schema.org's shape, not ours); a test reads every served ClaimReview strictly into these types,
// so the description cannot drift from what is served.

/// <summary>schema.org ClaimReview of a decided claim.</summary>
public sealed record ClaimReviewDocument(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    string Url, string ClaimReviewed, string? DatePublished, SchemaOrganization Author, SchemaRating ReviewRating, string? ReviewBody,
    SchemaClaim ItemReviewed);

public sealed record SchemaOrganization([property: JsonPropertyName("@type")] string Type, string Name, string? Url = null);

/// <summary>The verdict on schema.org's 1–5 scale (1: the claim does not hold, 5: it does) and in words.</summary>
public sealed record SchemaRating(
    [property: JsonPropertyName("@type")] string Type, int RatingValue, int BestRating, int WorstRating, string AlternateName, string? RatingExplanation);

/// <summary>The claim reviewed; author is absent when the outlet says it in its own voice.</summary>
public sealed record SchemaClaim(
    [property: JsonPropertyName("@type")] string Type, IReadOnlyList<SchemaCreativeWork> Appearance, SchemaCreativeWork FirstAppearance,
    SchemaPerson? Author = null, string? DatePublished = null);

public sealed record SchemaPerson([property: JsonPropertyName("@type")] string Type, string Name);

/// <summary>The article the claim appeared in.</summary>
public sealed record SchemaCreativeWork(
    [property: JsonPropertyName("@type")] string Type, string Headline, SchemaOrganization Publisher, string? Url = null, string? DatePublished = null);
