using ClaimDesk.Core.Common;

namespace ClaimDesk.Core.Domain;

/// <summary>Asks the workflow table whether an actor may make a move; throws the answer the caller needs if not.</summary>
public static class ClaimTransitionGuard
{
    public static ClaimMove EnsureAllowed(ClaimStatus from, ClaimStatus to, ICurrentActor actor)
    {
        var move = ClaimWorkflow.Find(from, to);
        if (move is null || (move.SystemOnly && !actor.IsSystem))
            throw new IllegalMoveException(from, to, ClaimWorkflow.MovesFrom(from));
        if (!actor.IsSystem && (actor.Role is not { } role || !move.Roles.Contains(role)))
            throw new ForbiddenException(
                $"Moving a claim from {from.Public()} to {to.Public()} ({move.Name}) needs one of the roles: {move.Roles.Public()}.");
        return move;
    }
}
