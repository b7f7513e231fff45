using System.Text.Json.Nodes;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Review;

/// <summary>The schema.org ClaimReview (JSON-LD) of a decided claim, as fact-check aggregators read it.</summary>
public sealed record GetClaimReview(long ClaimId) : IQuery<JsonObject>;

public sealed class GetClaimReviewHandler(ClaimDeskDbContext db, IOptions<DeskOptions> desk) : IQueryHandler<GetClaimReview, JsonObject>
{
    /// <summary>The verdict on the 1–5 scale (1 = the claim does not hold, 5 = it does) and in words.</summary>
    public static (int Rating, string Words) Rate(ClaimStatus verdict) => verdict switch
    {
        ClaimStatus.Verified => (5, "Verified"),
        ClaimStatus.Unverifiable => (3, "Unverifiable"),
        ClaimStatus.Editorializing => (2, "Editorializing: opinion presented as fact"),
        ClaimStatus.Disputed => (1, "Disputed"),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Not a verdict."),
    };

    public async ValueTask<JsonObject> Handle(GetClaimReview query, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Article).ThenInclude(a => a.Outlet)
            .FirstOrDefaultAsync(c => c.Id == query.ClaimId, ct) ?? throw new NotFoundException("Claim", query.ClaimId);
        if (claim.Verdict is not { } verdict)
            throw new ConflictException("No verdict yet",
                $"Claim {claim.Id} is {claim.Status.Public()}; a ClaimReview is published only for a claim with a verdict.");

        var (rating, words) = Rate(verdict);
        var options = desk.Value;
        var appearance = new JsonObject
        {
            ["@type"] = "CreativeWork",
            ["headline"] = claim.Article.Title,
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = claim.Article.Outlet.Name },
        };
        if (claim.Article.Url is { } url) appearance["url"] = url;
        if (claim.Article.PublishedAt is { } published) appearance["datePublished"] = published.ToString("yyyy-MM-dd");

        var itemReviewed = new JsonObject
        {
            ["@type"] = "Claim",
            ["appearance"] = new JsonArray(appearance.DeepClone()),
            ["firstAppearance"] = appearance,
        };
        // The claimant is the claim's author; when the outlet speaks in its own voice, schema.org's author is left out.
        if (claim.Claimant is { } claimant) itemReviewed["author"] = new JsonObject { ["@type"] = "Person", ["name"] = claimant };
        if (claim.Article.PublishedAt is { } firstSeen) itemReviewed["datePublished"] = firstSeen.ToString("yyyy-MM-dd");

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = options.ClaimUrlTemplate.Replace("{id}", claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["claimReviewed"] = claim.Text,
            ["datePublished"] = claim.DecidedAt?.ToString("yyyy-MM-dd"),
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = options.Name, ["url"] = options.Url },
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["ratingValue"] = rating,
                ["bestRating"] = 5,
                ["worstRating"] = 1,
                ["alternateName"] = words,
                ["ratingExplanation"] = claim.Rationale,
            },
            ["reviewBody"] = claim.Rationale,
            ["itemReviewed"] = itemReviewed,
        };
    }
}
