using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Review;

/// <summary>
/// How the desk names itself in published ClaimReviews (configuration section ClaimDesk:Desk). The public URL and the
/// claim-page template have no default: a guess (the API's own address, localhost) would publish links nobody can open.
/// </summary>
public sealed class DeskOptions
{
    public const string Section = "ClaimDesk:Desk";
    public string Name { get; set; } = "ClaimDesk Fact-Check Desk";
    /// <summary>The desk's public site, e.g. https://factcheck.example.org.</summary>
    public string? Url { get; set; }
    /// <summary>Where a claim's public review page lives; {id} is replaced by the claim id.</summary>
    public string? ClaimUrlTemplate { get; set; }
    /// <summary>
    /// The desk's public API address, e.g. https://claimdesk.example.org: webhook payloads link to claims and evidence under
    /// it (never the address a request happened to use). Without it those links are null.
    /// </summary>
    public string? ApiUrl { get; set; }

    /// <summary>An absolute link to a path of the API (e.g. /api/v1/claims/12), or null when <see cref="ApiUrl"/> is not set.</summary>
    public string? ApiLink(string path) => UrlRules.IsHttpUrl(ApiUrl) ? ApiUrl!.TrimEnd('/') + path : null;

    /// <summary>The public ClaimReview page of a claim, or null when the desk has not said where those live.</summary>
    public string? ClaimReviewUrl(long claimId) => ClaimUrlTemplate?.Contains("{id}", StringComparison.Ordinal) == true ? ClaimUrl(claimId) : null;
    /// <summary>The desk's rating scale per verdict (verified, disputed, editorializing, unverifiable); a verdict left out keeps its default.</summary>
    public Dictionary<string, RatingOptions> Ratings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What is missing before a review can be published, in the words of the settings to set; empty when nothing is.</summary>
    public IReadOnlyList<string> MissingForPublication()
    {
        var missing = new List<string>();
        if (!IsPublicUrl(Url)) missing.Add($"{Section}:Url (the desk's public site, an absolute http(s) URL that is not localhost)");
        if (!IsPublicUrl(ClaimUrlTemplate?.Replace("{id}", "1", StringComparison.Ordinal)) || ClaimUrlTemplate?.Contains("{id}", StringComparison.Ordinal) != true)
            missing.Add($"{Section}:ClaimUrlTemplate (the public page of a claim's review, with {{id}} for the claim id, e.g. https://factcheck.example.org/claims/{{id}})");
        return missing;
    }

    public string ClaimUrl(long claimId) =>
        ClaimUrlTemplate!.Replace("{id}", claimId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The desk's rating of a verdict: the configured one, else the default.</summary>
    public RatingOptions RatingFor(ClaimStatus verdict) =>
        Ratings.TryGetValue(NameOf(verdict), out var configured) ? configured : RatingOptions.Defaults[verdict];

    public static string NameOf(ClaimStatus verdict) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(verdict.ToString());

    private static bool IsPublicUrl(string? url) =>
        UrlRules.IsHttpUrl(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsLoopback
        && !uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// One verdict on the desk's rating scale, as schema.org's Rating: <see cref="AlternateName"/> carries the verdict in
/// words (what aggregators show); a value on the best–worst scale only where the verdict has a place on the
/// true/false axis. Google's ClaimReview guidance reads ratingValue as a position between false and true, so a verdict
/// that is not about truth (opinion, cannot be checked) gets no value rather than a middling one read as "half true".
/// </summary>
public sealed class RatingOptions
{
    public int? RatingValue { get; set; }
    public int? BestRating { get; set; }
    public int? WorstRating { get; set; }
    public string? AlternateName { get; set; }

    public static readonly IReadOnlyDictionary<ClaimStatus, RatingOptions> Defaults = new Dictionary<ClaimStatus, RatingOptions>
    {
        [ClaimStatus.Verified] = new() { RatingValue = 5, BestRating = 5, WorstRating = 1, AlternateName = "True" },
        [ClaimStatus.Disputed] = new() { RatingValue = 1, BestRating = 5, WorstRating = 1, AlternateName = "False" },
        [ClaimStatus.Editorializing] = new() { AlternateName = "Opinion presented as fact" },
        [ClaimStatus.Unverifiable] = new() { AlternateName = "Unverifiable" },
    };
}

/// <summary>A rating scale that cannot be published stops the desk at start-up, naming the setting.</summary>
public sealed class DeskOptionsValidation : IValidateOptions<DeskOptions>
{
    public ValidateOptionsResult Validate(string? name, DeskOptions options)
    {
        var verdicts = Enum.GetValues<ClaimStatus>().Where(s => s.IsVerdict()).ToDictionary(DeskOptions.NameOf, StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        foreach (var (key, rating) in options.Ratings)
        {
            var setting = $"{DeskOptions.Section}:Ratings:{key}";
            if (!verdicts.ContainsKey(key))
            {
                failures.Add($"{setting}: '{key}' is not a verdict; the verdicts are {string.Join(", ", verdicts.Keys)}.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(rating.AlternateName))
                failures.Add($"{setting}:AlternateName is required: it is the verdict in words that aggregators show.");
            if (rating.RatingValue is { } value)
            {
                if (rating.BestRating is not { } best || rating.WorstRating is not { } worst)
                    failures.Add($"{setting}: a RatingValue needs BestRating and WorstRating.");
                else if (worst >= best || value < worst || value > best)
                    failures.Add($"{setting}: WorstRating < BestRating and RatingValue between them (got {worst}, {best}, {value}).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
