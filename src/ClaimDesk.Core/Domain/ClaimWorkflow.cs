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

/// <summary>One move of the workflow: from, to, who may make it, and what it needs.</summary>
public sealed record ClaimMove(ClaimStatus From, ClaimStatus To, IReadOnlySet<Role> Roles, bool SystemOnly, MoveRequirement Requirement, string Name);

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
            new(ClaimStatus.Registered, ClaimStatus.Gathering, NoOne, true, MoveRequirement.None, "startGathering"),
            new(ClaimStatus.NeedsReview, ClaimStatus.Gathering, NoOne, true, MoveRequirement.None, "gatherAgain"),
            new(ClaimStatus.Gathering, ClaimStatus.NeedsReview, NoOne, true, MoveRequirement.None, "finishGathering"),
            new(ClaimStatus.NeedsReview, ClaimStatus.InReview, Reviewers, false, MoveRequirement.None, "startReview"),
            new(ClaimStatus.InReview, ClaimStatus.NeedsReview, Reviewers, false, MoveRequirement.None, "returnToQueue"),
            new(ClaimStatus.InReview, ClaimStatus.Verified, Reviewers, false, MoveRequirement.IndependentSupport, "verify"),
            new(ClaimStatus.InReview, ClaimStatus.Disputed, Reviewers, false, MoveRequirement.ContradictionOrSource, "dispute"),
            new(ClaimStatus.InReview, ClaimStatus.Editorializing, Reviewers, false, MoveRequirement.Rationale, "ruleEditorializing"),
            new(ClaimStatus.InReview, ClaimStatus.Unverifiable, Reviewers, false, MoveRequirement.Rationale, "ruleUnverifiable"),
        };
        foreach (var open in OpenStates)
            moves.Add(new(open, ClaimStatus.Duplicate, Reviewers, false, MoveRequirement.DuplicateOf, "markDuplicate"));
        foreach (var verdict in Verdicts)
            moves.Add(new(verdict, ClaimStatus.InReview, Editors, false, MoveRequirement.None, "reopen"));
        moves.Add(new(ClaimStatus.Duplicate, ClaimStatus.NeedsReview, Editors, false, MoveRequirement.None, "undoDuplicate"));
        return moves;
    }

    public static ClaimMove? Find(ClaimStatus from, ClaimStatus to) =>
        Moves.FirstOrDefault(m => m.From == from && m.To == to);

    /// <summary>The moves a person may request from a state (system moves excluded), whatever their role.</summary>
    public static IReadOnlyList<ClaimMove> MovesFrom(ClaimStatus from) =>
        Moves.Where(m => m.From == from && !m.SystemOnly).ToList();

    public static bool RequiresRationale(ClaimStatus to) => to.IsVerdict();
}
