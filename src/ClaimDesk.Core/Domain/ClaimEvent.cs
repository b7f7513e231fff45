namespace ClaimDesk.Core.Domain;

/// <summary>One entry of a claim's append-only audit log. Nothing updates or deletes these rows.</summary>
public sealed class ClaimEvent
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    /// <summary>Set when the claim is new in the same unit of work, so one SaveChanges writes both.</summary>
    public Claim? Claim { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    /// <summary>What happened: registered, transition, assignment, comment, evidenceAdded, evidenceAccepted, evidenceRejected, ...</summary>
    public required string Type { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Detail { get; set; }
}

public static class ClaimEventTypes
{
    public const string Registered = "registered";
    public const string Transition = "transition";
    public const string Assignment = "assignment";
    public const string Comment = "comment";
    public const string EvidenceAdded = "evidenceAdded";
    public const string EvidenceAccepted = "evidenceAccepted";
    public const string EvidenceRejected = "evidenceRejected";
    public const string NewEvidenceAfterVerdict = "newEvidenceAfterVerdict";
    public const string CorroborationRequested = "corroborationRequested";
    public const string VerdictProposed = "verdictProposed";
    public const string VerdictSentBack = "verdictSentBack";
    /// <summary>The claim's published ClaimReview was withdrawn (the claim was reopened); detail names the review.</summary>
    public const string ReviewWithdrawn = "reviewWithdrawn";
    /// <summary>The claim's text, claimant or kind was edited while open; before/after hold the fields that changed.</summary>
    public const string Edited = "edited";
}
