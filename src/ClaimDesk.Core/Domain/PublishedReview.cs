using ClaimDesk.Analysis;

namespace ClaimDesk.Core.Domain;

/// <summary>Where a published review stands: live, taken back when its claim was reopened, or replaced by the next verdict.</summary>
public enum ReviewState { Published, Withdrawn, Superseded }

/// <summary>A source a published review rests on: an accepted evidence's article or URL, or the source the rationale cites.</summary>
public sealed record ReviewCitation(string? Url, string? Headline, string? Publisher, DateOnly? DatePublished);

/// <summary>
/// A ClaimReview as the desk published it: written when a verdict takes effect, withdrawn when an editor reopens the
/// claim, superseded by the claim's next verdict. It is a publication record, so it keeps what was published (the
/// claim's words, the verdict, the rationale, the sources) even after the claim moves on; aggregators that synced it
/// are told of a withdrawal instead of finding it gone.
/// </summary>
public sealed class PublishedReview
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public Claim Claim { get; set; } = null!;
    public ClaimStatus Verdict { get; set; }
    public required string ClaimText { get; set; }
    public string? Claimant { get; set; }
    public ClaimKind Kind { get; set; }
    public required string Rationale { get; set; }
    public string? SourceUrl { get; set; }
    public List<ReviewCitation> Citations { get; set; } = [];
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    public ReviewState State { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawalReason { get; set; }
    public DateTime? SupersededAt { get; set; }
    public long? SupersededById { get; set; }
    public PublishedReview? SupersededBy { get; set; }
    /// <summary>Every change of state moves it: a feed reader syncs with updatedSince.</summary>
    public DateTime UpdatedAt { get; set; }

    public void Withdraw(string by, string? reason, DateTime now)
    {
        State = ReviewState.Withdrawn;
        WithdrawnAt = now;
        WithdrawnBy = by;
        WithdrawalReason = reason;
        UpdatedAt = now;
    }

    public void SupersedeBy(PublishedReview next, DateTime now)
    {
        State = ReviewState.Superseded;
        SupersededAt = now;
        // The next review may be new in the same unit of work: the navigation lets EF fill in its id.
        SupersededBy = next;
        UpdatedAt = now;
    }
}
