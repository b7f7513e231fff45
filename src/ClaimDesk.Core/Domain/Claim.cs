using ClaimDesk.Analysis;

namespace ClaimDesk.Core.Domain;

public sealed class Claim
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public required string Text { get; set; }
    public int? QuoteStart { get; set; }
    public int? QuoteEnd { get; set; }
    /// <summary>Who said it; null when the outlet says it in its own voice.</summary>
    public string? Claimant { get; set; }
    public ClaimKind Kind { get; set; }
    public double CheckWorthiness { get; set; }
    public ClaimStatus Status { get; set; }
    public string? Assignee { get; set; }
    public string? Rationale { get; set; }
    public string? RationaleSourceUrl { get; set; }
    public long? DuplicateOfId { get; set; }
    /// <summary>
    /// A verdict asked for while the desk needs a second person for verdicts (ClaimDesk:Review:VerdictsNeedSecondPerson):
    /// the claim stays inReview, carrying it, until an editor or admin other than <see cref="ProposedBy"/> approves it
    /// or sends it back.
    /// </summary>
    public ClaimStatus? ProposedVerdict { get; set; }
    public string? ProposedRationale { get; set; }
    public string? ProposedSourceUrl { get; set; }
    public string? ProposedBy { get; set; }
    public DateTime? ProposedAt { get; set; }
    /// <summary>Set when evidence arrives after a verdict: the desk should take another look.</summary>
    public bool HasNewEvidence { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>
    /// Optimistic concurrency token, managed by the application so it behaves the same on SQLite and SQL Server:
    /// every change increments it, and the UPDATE only matches the version the writer read.
    /// </summary>
    public int Version { get; set; }

    /// <summary>The claim text's embedding, kept so new articles can be matched against every open and decided claim.</summary>
    public byte[]? Embedding { get; set; }

    public List<Evidence> Evidence { get; set; } = [];

    public ClaimStatus? Verdict => Status.IsVerdict() ? Status : null;

    public void ClearProposal()
    {
        ProposedVerdict = null;
        ProposedRationale = null;
        ProposedSourceUrl = null;
        ProposedBy = null;
        ProposedAt = null;
    }

    public void Touch(DateTime now)
    {
        Version++;
        UpdatedAt = now;
    }
}
