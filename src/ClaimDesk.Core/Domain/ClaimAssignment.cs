using ClaimDesk.Core.Common;

namespace ClaimDesk.Core.Domain;

/// <summary>
/// Who works on a claim. A reviewer may take an unassigned claim or drop their own; only editors and admins hand a
/// claim to someone or take it from someone. While a claim is assigned, only its assignee — or an editor or admin —
/// moves it, cites evidence for it or decides its evidence; anyone else gets a 403 naming the assignee. An unassigned
/// claim is open to every reviewer. Jobs are not bound by it.
/// </summary>
public static class ClaimAssignment
{
    /// <summary>Editors and admins run the desk: they assign anyone and may step in on any claim.</summary>
    public static bool RunsTheDesk(ICurrentActor actor) => actor.IsSystem || actor.Role is Role.Editor or Role.Admin;

    public static void EnsureMayAssign(Claim claim, string? assignee, ICurrentActor actor)
    {
        if (RunsTheDesk(actor)) return;
        var takesFree = assignee == actor.Name && claim.Assignee is null;
        var keepsOwn = assignee == actor.Name && claim.Assignee == actor.Name;
        var dropsOwn = assignee is null && claim.Assignee == actor.Name;
        if (takesFree || keepsOwn || dropsOwn) return;
        if (claim.Assignee is not null && claim.Assignee != actor.Name)
            throw AssignedToSomeoneElse(claim, "only an editor or admin may reassign it");
        throw new ForbiddenException("A reviewer may take an unassigned claim or drop their own; assigning others is for editors and admins.",
            code: "assignment-not-allowed");
    }

    /// <param name="doing">What the actor tried, for the answer: "move it", "decide its evidence", ...</param>
    public static void EnsureMayWorkOn(Claim claim, ICurrentActor actor, string doing)
    {
        if (RunsTheDesk(actor) || claim.Assignee is null || claim.Assignee == actor.Name) return;
        throw AssignedToSomeoneElse(claim, $"only they, or an editor or admin, may {doing}");
    }

    private static ForbiddenException AssignedToSomeoneElse(Claim claim, string rule) => new(
        $"Claim {claim.Id} is assigned to {claim.Assignee}: {rule}.",
        new Dictionary<string, object?> { ["assignee"] = claim.Assignee }, "claim-assigned-elsewhere");
}
