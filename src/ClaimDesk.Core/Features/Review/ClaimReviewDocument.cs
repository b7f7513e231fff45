using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClaimDesk.Analysis;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Features.Review;

/// <summary>The article a reviewed claim appeared in (articles never change once they have text).</summary>
public sealed record ReviewedArticle(long ArticleId, string Title, string? Url, DateOnly? PublishedAt, string Outlet, string? OutletDomain);

/// <summary>A stored review with the article its claim appeared in.</summary>
public sealed record ReviewRow(PublishedReview Review, ReviewedArticle Article);

/// <summary>
/// Renders a published review as schema.org ClaimReview JSON-LD, the way Google's fact-check guidance and the other
/// aggregators read it. What was published is stored (<see cref="PublishedReview"/>); how the desk names itself and its
/// rating scale come from configuration at read time, so correcting a setting corrects every review.
/// </summary>
public static partial class ClaimReviewDocument
{
    /// <summary>The reviews with their articles; filter and order the reviews first (a constructed row cannot be filtered in SQL).</summary>
    public static IQueryable<ReviewRow> Rows(IQueryable<PublishedReview> reviews) =>
        reviews.Select(r => new ReviewRow(r, new ReviewedArticle(
            r.Claim.ArticleId, r.Claim.Article.Title, r.Claim.Article.Url, r.Claim.Article.PublishedAt,
            r.Claim.Article.Outlet.Name, r.Claim.Article.Outlet.Domain)));

    /// <summary>409 naming the settings to set, while the desk's public address is not configured.</summary>
    public static void EnsurePublishable(DeskOptions desk)
    {
        var missing = desk.MissingForPublication();
        if (missing.Count > 0)
            throw new ConflictException("The desk's public address is not configured",
                $"ClaimReviews link to the desk's public pages, which are not configured: set {string.Join("; ", missing)}.",
                new Dictionary<string, object?> { ["missingSettings"] = missing });
    }

    public static JsonObject Render(ReviewRow row, DeskOptions desk)
    {
        var (review, article) = (row.Review, row.Article);
        var appearance = new JsonObject
        {
            ["@type"] = "CreativeWork",
            ["headline"] = article.Title,
            ["publisher"] = Organization(article.Outlet, article.OutletDomain),
        };
        if (article.Url is { } url) appearance["url"] = url;
        if (article.PublishedAt is { } published) appearance["datePublished"] = Date(published);

        var itemReviewed = new JsonObject
        {
            ["@type"] = "Claim",
            ["author"] = ClaimAuthor(review, article),
            ["appearance"] = new JsonArray(appearance.DeepClone()),
            ["firstAppearance"] = appearance,
        };
        if (article.PublishedAt is { } firstSeen) itemReviewed["datePublished"] = Date(firstSeen);

        var document = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["identifier"] = review.Id.ToString(CultureInfo.InvariantCulture),
            ["url"] = desk.ClaimUrl(review.ClaimId),
            ["claimReviewed"] = review.ClaimText,
            ["datePublished"] = Date(DateOnly.FromDateTime(review.PublishedAt)),
            ["dateModified"] = review.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            // schema.org's lifecycle term: Published while the verdict stands, Withdrawn once reopened, Superseded by the next verdict.
            ["creativeWorkStatus"] = review.State.ToString(),
            ["author"] = Organization(desk.Name, desk.Url),
            ["reviewRating"] = Rating(review, desk.RatingFor(review.Verdict)),
            ["reviewBody"] = review.Rationale,
            ["itemReviewed"] = itemReviewed,
        };
        if (review.Citations.Count > 0) document["citation"] = new JsonArray(review.Citations.Select(Citation).ToArray<JsonNode?>());
        if ((review.WithdrawnAt ?? review.SupersededAt) is { } ended) document["expires"] = Date(DateOnly.FromDateTime(ended));
        document["claimDesk"] = PublicationRecord(review);
        return document;
    }

    /// <summary>
    /// The desk's own record of the publication, beside the schema.org terms (JSON-LD processors ignore a term the context
    /// does not define): which claim, which verdict, and — once taken back — when and why.
    /// </summary>
    private static JsonObject PublicationRecord(PublishedReview review)
    {
        var record = new JsonObject
        {
            ["reviewId"] = review.Id,
            ["claimId"] = review.ClaimId,
            ["verdict"] = DeskOptions.NameOf(review.Verdict),
            ["state"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(review.State.ToString()),
            ["publishedAt"] = review.PublishedAt,
        };
        if (review.WithdrawnAt is { } withdrawnAt)
        {
            record["withdrawnAt"] = withdrawnAt;
            record["withdrawalReason"] = review.WithdrawalReason;
        }
        if (review.SupersededAt is { } supersededAt)
        {
            record["supersededAt"] = supersededAt;
            record["supersededBy"] = review.SupersededById;
        }
        return record;
    }

    /// <summary>
    /// alternateName always (the verdict in words); ratingValue with its scale only where the desk's scale gives the
    /// verdict a place between false and true.
    /// </summary>
    private static JsonObject Rating(PublishedReview review, RatingOptions rating)
    {
        var json = new JsonObject { ["@type"] = "Rating" };
        if (rating.RatingValue is { } value)
        {
            json["ratingValue"] = value;
            json["bestRating"] = rating.BestRating;
            json["worstRating"] = rating.WorstRating;
        }
        json["alternateName"] = rating.AlternateName;
        json["ratingExplanation"] = review.Rationale;
        return json;
    }

    /// <summary>
    /// Who made the claim: the outlet itself when it speaks in its own voice (no claimant, or an editorial aside), the
    /// claimant otherwise — a person, or an organisation when the name says so.
    /// </summary>
    private static JsonObject ClaimAuthor(PublishedReview review, ReviewedArticle article) =>
        review.Claimant is not { } claimant || review.Kind == ClaimKind.Editorial
            ? Organization(article.Outlet, article.OutletDomain)
            : new JsonObject { ["@type"] = IsOrganization(claimant) ? "Organization" : "Person", ["name"] = claimant };

    private static JsonObject Organization(string name, string? urlOrDomain)
    {
        var json = new JsonObject { ["@type"] = "Organization", ["name"] = name };
        if (urlOrDomain is { Length: > 0 })
            json["url"] = UrlRules.IsHttpUrl(urlOrDomain) ? urlOrDomain : $"https://{urlOrDomain}";
        return json;
    }

    private static JsonObject Citation(ReviewCitation citation)
    {
        var json = new JsonObject { ["@type"] = "CreativeWork" };
        if (citation.Url is { } url) json["url"] = url;
        if (citation.Headline is { } headline) json["headline"] = headline;
        if (citation.Publisher is { } publisher) json["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher };
        if (citation.DatePublished is { } date) json["datePublished"] = Date(date);
        return json;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A claimant named like an institution ("the Ministry of Finance", "NATO", "Acme Corp") is an Organization; a
    /// person's name or role ("Amara Okafor", "the mayor") a Person.
    /// </summary>
    public static bool IsOrganization(string claimant) =>
        InstitutionWord().IsMatch(claimant) || Acronym().IsMatch(claimant.Trim());

    [GeneratedRegex(@"\b(ministry|department|agency|council|committee|commission|government|administration|office|party|parliament|senate|congress|assembly|court|police|army|navy|military|university|institute|foundation|association|federation|union|alliance|organi[sz]ation|company|corporation|corp|inc|ltd|llc|plc|group|bank|authority|board|service|bureau|press|news|network|times|post|club)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InstitutionWord();

    [GeneratedRegex(@"^(the\s+)?[A-Z]{2,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Acronym();
}
