using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.Core.Domain;

public enum EvidenceReviewState { Suggested, Accepted, Rejected }

/// <summary>A passage of another article (or an external URL a reviewer adds) bearing on a claim.</summary>
public sealed class Evidence
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public Claim Claim { get; set; } = null!;
    public long? PassageId { get; set; }
    public Passage? Passage { get; set; }
    public string? ExternalUrl { get; set; }
    public Stance Stance { get; set; }
    public double Score { get; set; }
    public List<Discrepancy> Discrepancies { get; set; } = [];
    /// <summary>
    /// The evidence's article is a near-verbatim copy of the claim's article. Independence itself is judged when the
    /// evidence is read (<see cref="Independence"/>), since the outlets it also depends on can change.
    /// </summary>
    public bool SyndicatedCopy { get; set; }
    /// <summary>Who cited an external source; null for evidence the engine found. Another person must accept a citation.</summary>
    public string? CitedBy { get; set; }
    public EvidenceReviewState ReviewState { get; set; }
    public string? ReviewNote { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
