namespace ClaimDesk.Core.Features.Review;

/// <summary>How the desk names itself in published ClaimReviews (configuration section ClaimDesk:Desk).</summary>
public sealed class DeskOptions
{
    public const string Section = "ClaimDesk:Desk";
    public string Name { get; set; } = "ClaimDesk Fact-Check Desk";
    public string Url { get; set; } = "http://localhost:5080";
    /// <summary>Where a claim's public review page lives; {id} is replaced by the claim id.</summary>
    public string ClaimUrlTemplate { get; set; } = "http://localhost:5080/api/v1/claims/{id}/claimreview";
}
