namespace ClaimDesk.Core.Features.Review;

/// <summary>How the desk reviews (configuration section ClaimDesk:Review).</summary>
public sealed class ReviewOptions
{
    public const string Section = "ClaimDesk:Review";

    /// <summary>
    /// Verdicts need a second person: a verdict anyone asks for is only proposed (the claim stays inReview, carrying it)
    /// until an editor or admin who did not propose it approves it. Off by default.
    /// </summary>
    public bool VerdictsNeedSecondPerson { get; set; }
}
