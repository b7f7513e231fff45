namespace ClaimDesk.Core.Domain;

/// <summary>What a move needs beyond the right role.</summary>
public enum MoveRequirement
{
    None,
    /// <summary>A verdict: a rationale is required.</summary>
    Rationale,
    /// <summary>verified: a rationale and an accepted supporting evidence from an independent outlet.</summary>
    IndependentSupport,
    /// <summary>disputed: a rationale and an accepted contradicting evidence, or a rationale citing a source URL.</summary>
    ContradictionOrSource,
    /// <summary>duplicate: the id of the claim it duplicates.</summary>
    DuplicateOf,
}

/// <summary>
/// One move of the workflow: from, to, who may make it, and what it needs. <paramref name="Approvers"/> are who may
/// approve it when the desk needs a second person for it (ClaimDesk:Review:VerdictsNeedSecondPerson): the move is then
/// only proposed — the claim stays where it is, carrying the proposal — until an approver other than the proposer
/// approves it. Empty: the move never waits for anyone.
/// </summary>
public sealed record ClaimMove(
    ClaimStatus From, ClaimStatus To, IReadOnlySet<Role> Roles, bool SystemOnly, MoveRequirement Requirement, string Name,
    IReadOnlySet<Role> Approvers)
{
    public bool NeedsApproval(bool secondPersonRequired) => secondPersonRequired && Approvers.Count > 0;
}

/// <summary>
/// The review workflow as one table. Handlers ask it which moves exist and who may make them;
/// nothing else in the code base decides that.
/// </summary>
public static class ClaimWorkflow
{
    private static readonly IReadOnlySet<Role> Reviewers = new HashSet<Role> { Role.Reviewer, Role.Editor, Role.Admin };
    private static readonly IReadOnlySet<Role> Editors = new HashSet<Role> { Role.Editor, Role.Admin };
    private static readonly IReadOnlySet<Role> NoOne = new HashSet<Role>();

    private static readonly ClaimStatus[] Verdicts =
        [ClaimStatus.Verified, ClaimStatus.Disputed, ClaimStatus.Editorializing, ClaimStatus.Unverifiable];

    private static readonly ClaimStatus[] OpenStates =
        [ClaimStatus.Registered, ClaimStatus.Gathering, ClaimStatus.NeedsReview, ClaimStatus.InReview];

    public static IReadOnlyList<ClaimMove> Moves { get; } = BuildMoves();

    private static List<ClaimMove> BuildMoves()
    {
        var moves = new List<ClaimMove>
        {
            // The corroboration job owns gathering: people cannot enter or leave it.
            new(ClaimStatus.Registered, ClaimStatus.Gathering, NoOne, true, MoveRequirement.None, "startGathering", NoOne),
            new(ClaimStatus.NeedsReview, ClaimStatus.Gathering, NoOne, true, MoveRequirement.None, "gatherAgain", NoOne),
            new(ClaimStatus.Gathering, ClaimStatus.NeedsReview, NoOne, true, MoveRequirement.None, "finishGathering", NoOne),
            new(ClaimStatus.NeedsReview, ClaimStatus.InReview, Reviewers, false, MoveRequirement.None, "startReview", NoOne),
            new(ClaimStatus.InReview, ClaimStatus.NeedsReview, Reviewers, false, MoveRequirement.None, "returnToQueue", NoOne),
            // Verdicts are what the desk publishes: a desk may want a second pair of eyes on each (an editor's approval).
            new(ClaimStatus.InReview, ClaimStatus.Verified, Reviewers, false, MoveRequirement.IndependentSupport, "verify", Editors),
            new(ClaimStatus.InReview, ClaimStatus.Disputed, Reviewers, false, MoveRequirement.ContradictionOrSource, "dispute", Editors),
            new(ClaimStatus.InReview, ClaimStatus.Editorializing, Reviewers, false, MoveRequirement.Rationale, "ruleEditorializing", Editors),
            new(ClaimStatus.InReview, ClaimStatus.Unverifiable, Reviewers, false, MoveRequirement.Rationale, "ruleUnverifiable", Editors),
        };
        foreach (var open in OpenStates)
            moves.Add(new(open, ClaimStatus.Duplicate, Reviewers, false, MoveRequirement.DuplicateOf, "markDuplicate", NoOne));
        foreach (var verdict in Verdicts)
            moves.Add(new(verdict, ClaimStatus.InReview, Editors, false, MoveRequirement.None, "reopen", NoOne));
        moves.Add(new(ClaimStatus.Duplicate, ClaimStatus.NeedsReview, Editors, false, MoveRequirement.None, "undoDuplicate", NoOne));
        return moves;
    }

    public static ClaimMove? Find(ClaimStatus from, ClaimStatus to) =>
        Moves.FirstOrDefault(m => m.From == from && m.To == to);

    /// <summary>The moves a person may request from a state (system moves excluded), whatever their role.</summary>
    public static IReadOnlyList<ClaimMove> MovesFrom(ClaimStatus from) =>
        Moves.Where(m => m.From == from && !m.SystemOnly).ToList();

    public static bool RequiresRationale(ClaimStatus to) => to.IsVerdict();
}
