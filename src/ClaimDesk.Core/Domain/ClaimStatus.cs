namespace ClaimDesk.Core.Domain;

public enum ClaimStatus
{
    Registered,
    Gathering,
    NeedsReview,
    InReview,
    Verified,
    Disputed,
    Editorializing,
    Unverifiable,
    Duplicate,
}

public static class ClaimStatuses
{
    public static bool IsVerdict(this ClaimStatus status) =>
        status is ClaimStatus.Verified or ClaimStatus.Disputed or ClaimStatus.Editorializing or ClaimStatus.Unverifiable;

    /// <summary>Open claims are still being worked on; a duplicate or a verdict closes a claim.</summary>
    public static bool IsOpen(this ClaimStatus status) => !status.IsVerdict() && status != ClaimStatus.Duplicate;
}
