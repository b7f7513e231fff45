using System.Text.Json.Serialization;

namespace ClaimDesk.Api.Contract;

// The schema.org ClaimReview JSON-LD of GET /claims/{id}/claimreview and the /claimreviews feed, as the OpenAPI document
// describes it. The handler builds the JSON itself (schema.org's shape, not ours: Features/Review/ClaimReviewDocument);
// a test reads every served ClaimReview strictly into these types, so the description cannot drift from what is served.

/// <summary>schema.org ClaimReview of a published (or withdrawn, or superseded) verdict.</summary>
public sealed record ClaimReviewJsonLd(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    string Identifier, string Url, string ClaimReviewed, string DatePublished, string DateModified,
    [property: JsonPropertyName("creativeWorkStatus")] string CreativeWorkStatus,
    SchemaOrganization Author, SchemaRating ReviewRating, string? ReviewBody, SchemaClaim ItemReviewed,
    [property: JsonPropertyName("claimDesk")] ClaimReviewPublication ClaimDesk,
    IReadOnlyList<SchemaCreativeWork>? Citation = null, string? Expires = null);

/// <summary>An organisation: the desk, an outlet, or an institution that made a claim.</summary>
public sealed record SchemaOrganization([property: JsonPropertyName("@type")] string Type, string Name, string? Url = null);

/// <summary>
/// The verdict in words (alternateName), and a value on the desk's scale only where the verdict has a place between
/// false and true (verified, disputed by default; editorializing and unverifiable have words only).
/// </summary>
public sealed record SchemaRating(
    [property: JsonPropertyName("@type")] string Type, string AlternateName, string? RatingExplanation,
    int? RatingValue = null, int? BestRating = null, int? WorstRating = null);

/// <summary>The claim reviewed: its author is the outlet when the outlet speaks in its own voice, else the claimant.</summary>
public sealed record SchemaClaim(
    [property: JsonPropertyName("@type")] string Type, SchemaAgent Author, IReadOnlyList<SchemaCreativeWork> Appearance,
    SchemaCreativeWork FirstAppearance, string? DatePublished = null);

/// <summary>A Person or an Organization.</summary>
public sealed record SchemaAgent([property: JsonPropertyName("@type")] string Type, string Name, string? Url = null);

/// <summary>The article the claim appeared in, or a source the review cites.</summary>
public sealed record SchemaCreativeWork(
    [property: JsonPropertyName("@type")] string Type, string? Headline = null, SchemaOrganization? Publisher = null, string? Url = null,
    string? DatePublished = null);

/// <summary>The desk's own record of the publication: which claim and verdict, and, once taken back, when and why.</summary>
public sealed record ClaimReviewPublication(
    long ReviewId, long ClaimId, string Verdict, string State, DateTime PublishedAt,
    DateTime? WithdrawnAt = null, string? WithdrawalReason = null, DateTime? SupersededAt = null, long? SupersededBy = null);
