using ClaimDesk.Analysis.Corroboration;

namespace ClaimDesk.Core.Domain;

public enum EvidenceReviewState { Suggested, Accepted, Rejected }

/// <summary>
/// One article of the desk (or an external URL a reviewer cites) bearing on a claim: the article's stance as the stance
/// model judged it, with the passages that decided it. One row per claim and article, so a claim that forty articles
/// report has forty evidence items, each accepted or rejected on its own.
/// </summary>
public sealed class Evidence
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public Claim Claim { get; set; } = null!;
    /// <summary>The article this evidence is; null for a cited external URL.</summary>
    public long? ArticleId { get; set; }
    public Article? Article { get; set; }
    public string? ExternalUrl { get; set; }
    public Stance Stance { get; set; }
    /// <summary>The model's probability of <see cref="Stance"/> (0..1); a citation scores 1.</summary>
    public double Score { get; set; }
    /// <summary>The passages of the article that decided the stance, best first (ids and character offsets, for highlighting).</summary>
    public List<DecidingPassageRef> Passages { get; set; } = [];
    public List<Discrepancy> Discrepancies { get; set; } = [];
    /// <summary>Why the trained model was not applied (another language, no passages); null when it was.</summary>
    public string? ModelNote { get; set; }
    /// <summary>The stance model that judged it last (<c>IStanceModel.Name</c>); null for a citation.</summary>
    public string? Model { get; set; }
    /// <summary>When the engine last judged it; a re-run refreshes a suggested evidence, never a reviewed one.</summary>
    public DateTime? JudgedAt { get; set; }
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

/// <summary>A passage that decided an evidence's stance: its id, its index and offsets in the article, and its similarity to the claim.</summary>
public sealed record DecidingPassageRef(long PassageId, int Index, int Start, int End, double? Similarity);
