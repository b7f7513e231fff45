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
    /// <summary>
    /// Its place in the claim's log, from 1, with no gaps: assigned in the transaction that writes the event (unique per
    /// claim), so a webhook receiver can put deliveries back in order and see one is missing.
    /// </summary>
    public long Sequence { get; set; }
    /// <summary>The typed change (<see cref="ClaimChange"/>) as JSON with its <c>$kind</c>; null on entries written before payloads.</summary>
    public string? Payload { get; set; }
    /// <summary>Entries written before payloads kept the change in these three JSON columns; newer entries leave them null.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Detail { get; set; }

    /// <summary>The change this entry was written from (not stored: <see cref="Payload"/> is); null once read back.</summary>
    public ClaimChange? Change { get; set; }

    /// <summary>The order entries were made in, for numbering those saved together (not stored).</summary>
    public long MadeOrder { get; set; }

    /// <summary>The typed change: the one it was written from, or read back from the row.</summary>
    public ClaimChange ReadChange() => Change ??= ClaimChanges.Read(this);
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
