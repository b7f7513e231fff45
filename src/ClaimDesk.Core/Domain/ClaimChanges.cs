using System.Text.Json.Serialization;
using ClaimDesk.Analysis;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;

namespace ClaimDesk.Core.Domain;

// Every kind of change the audit log records. The parts' field names are the ones the log has always stored.

/// <summary>A claim was registered: its words, how it was read, the span it quotes.</summary>
public sealed record ClaimRegistered(RegisteredClaim After) : ClaimChange
{
    public override string Type => ClaimEventTypes.Registered;
    public override ChangeParts Parts => new(null, After, null);
}

public sealed record RegisteredClaim(string Text, ClaimKind Kind, string? Claimant, QuotedSpan? Quote, ClaimStatus Status);

/// <summary>Where in its article's text a claim stands.</summary>
public sealed record QuotedSpan(int Start, int End);

/// <summary>
/// The claim moved through the workflow — by a reviewer (the move, a verdict's rationale and source, a duplicate's original,
/// a reopen's note), by an editor approving a proposed verdict, or by the desk's gathering (its counts).
/// </summary>
public sealed record StatusChanged(StatusBefore Before, StatusAfter After, MoveDetail? Detail = null) : ClaimChange
{
    public override string Type => ClaimEventTypes.Transition;
    public override ChangeParts Parts => new(Before, After, Detail);
    [JsonIgnore] public ClaimStatus From => Before.Status;
    [JsonIgnore] public ClaimStatus To => After.Status;
    /// <summary>A verdict took effect (and was published).</summary>
    [JsonIgnore] public bool PublishesVerdict => To.IsVerdict();
}

public sealed record StatusBefore(ClaimStatus Status, string? Rationale = null, long? DuplicateOf = null, ProposalState? ProposedVerdict = null);

public sealed record StatusAfter(ClaimStatus Status, string? Rationale = null, string? SourceUrl = null, long? DuplicateOf = null);

/// <summary>What came with a move: its name and note, who proposed and approved a verdict, or what the gathering found.</summary>
public sealed record MoveDetail(
    string? Move = null, string? Note = null, string? ProposedBy = null, string? ApprovedBy = null,
    int? EvidenceAdded = null, int? ArticlesConsidered = null, int? ArticlesRelated = null, bool? CapReached = null, double? ElapsedMs = null);

/// <summary>A verdict waiting for a second person's approval.</summary>
public sealed record ProposalState(ClaimStatus Verdict, string Rationale, string? SourceUrl, string ProposedBy, DateTime ProposedAt);

/// <summary>The claim was assigned (after.assignee), unassigned (null), or handed to someone else.</summary>
public sealed record ClaimAssigned(AssigneeState Before, AssigneeState After) : ClaimChange
{
    public override string Type => ClaimEventTypes.Assignment;
    public override ChangeParts Parts => new(Before, After, null);
}

public sealed record AssigneeState([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Assignee);

public sealed record CommentAdded(CommentText After) : ClaimChange
{
    public override string Type => ClaimEventTypes.Comment;
    public override ChangeParts Parts => new(null, After, null);
}

public sealed record CommentText(string Text);

/// <summary>One run of the evidence engine (a gathering, or a new article matched) added these items, all in one event.</summary>
public sealed record EvidenceAdded(EvidenceAddedPayload After) : ClaimChange
{
    public override string Type => ClaimEventTypes.EvidenceAdded;
    public override ChangeParts Parts => new(null, After, null);
}

/// <summary>A reviewer cited a source outside the desk's articles (history type evidenceAdded).</summary>
public sealed record SourceCited(CitedSource After) : ClaimChange
{
    public override string Type => ClaimEventTypes.EvidenceAdded;
    public override ChangeParts Parts => new(null, After, null);
}

public sealed record CitedSource(string Url, Stance Stance, bool Independent, EvidenceReviewState ReviewState, string CitedBy, long? EvidenceId = null);

public sealed record EvidenceAccepted(EvidenceReview Before, EvidenceReview After, EvidenceNamed Detail) : ClaimChange
{
    public override string Type => ClaimEventTypes.EvidenceAccepted;
    public override ChangeParts Parts => new(Before, After, Detail);
}

public sealed record EvidenceRejected(EvidenceReview Before, EvidenceReview After, EvidenceNamed Detail) : ClaimChange
{
    public override string Type => ClaimEventTypes.EvidenceRejected;
    public override ChangeParts Parts => new(Before, After, Detail);
}

public sealed record EvidenceReview(EvidenceReviewState ReviewState, string? Note = null);

public sealed record EvidenceNamed(long EvidenceId, Stance Stance);

/// <summary>Evidence arrived after the verdict: the claim is flagged for another look.</summary>
public sealed record NewEvidenceAfterVerdict(NewEvidenceCount Detail) : ClaimChange
{
    public override string Type => ClaimEventTypes.NewEvidenceAfterVerdict;
    public override ChangeParts Parts => new(null, null, Detail);
}

public sealed record NewEvidenceCount(int Added, ClaimStatus Verdict);

/// <summary>Someone asked the desk to gather evidence again.</summary>
public sealed record CorroborationRequested(StatusAtRequest Detail) : ClaimChange
{
    public override string Type => ClaimEventTypes.CorroborationRequested;
    public override ChangeParts Parts => new(null, null, Detail);
}

public sealed record StatusAtRequest(ClaimStatus Status);

/// <summary>A verdict was proposed (replacing the proposer's own earlier one, if any) and waits for an approver.</summary>
public sealed record VerdictProposed(ProposalState? Before, ProposalState After, ProposalDetail Detail) : ClaimChange
{
    public override string Type => ClaimEventTypes.VerdictProposed;
    public override ChangeParts Parts => new(Before, After, Detail);
}

public sealed record ProposalDetail(string Move, IReadOnlyList<Role> Approvers);

/// <summary>An approver sent a proposed verdict back, saying why.</summary>
public sealed record VerdictSentBack(ProposalState? Before, SentBackNote Detail) : ClaimChange
{
    public override string Type => ClaimEventTypes.VerdictSentBack;
    public override ChangeParts Parts => new(Before, null, Detail);
}

public sealed record SentBackNote(string? Note);

/// <summary>The claim was reopened, so its published ClaimReview was withdrawn (history type reviewWithdrawn).</summary>
public sealed record VerdictWithdrawn(ReviewStateOf Before, ReviewStateOf After, Withdrawal Detail) : ClaimChange
{
    public override string Type => ClaimEventTypes.ReviewWithdrawn;
    public override ChangeParts Parts => new(Before, After, Detail);
}

public sealed record ReviewStateOf(long ReviewId, ReviewState State);

public sealed record Withdrawal(long ReviewId, ClaimStatus Verdict, string? Reason = null);

/// <summary>An open claim's words, claimant or kind were corrected: before and after hold only the fields that changed.</summary>
public sealed record ClaimEdited(EditedFields Before, EditedFields After, EditDetail? Detail = null) : ClaimChange
{
    public override string Type => ClaimEventTypes.Edited;
    public override ChangeParts Parts => new(Before, After, Detail);
}

/// <summary>A field left out did not change; a field present with null was cleared (the claimant).</summary>
public sealed record EditedFields(FieldChange<string>? Text = null, FieldChange<string>? Claimant = null, FieldChange<ClaimKind?>? Kind = null)
{
    [JsonIgnore] public bool IsEmpty => Text is null && Claimant is null && Kind is null;
}

public sealed record EditDetail(bool CorroborationRequested, int SuggestedEvidenceDropped);
