using ClaimDesk.Core.Common;

namespace ClaimDesk.Core.Domain;

/// <summary>A move the workflow does not have from the claim's current state; the answer lists the moves it does have.</summary>
public sealed class IllegalMoveException(ClaimStatus from, ClaimStatus to, IReadOnlyList<ClaimMove> allowed)
    : ConflictException(
        "Illegal move",
        $"A claim cannot move from {Camel(from)} to {Camel(to)}." + (allowed.Count == 0
            ? " No move is open from here."
            : $" From {Camel(from)} it may move to: {string.Join(", ", allowed.Select(m => Camel(m.To)))}."),
        new Dictionary<string, object?>
        {
            ["currentStatus"] = Camel(from),
            ["requestedStatus"] = Camel(to),
            ["allowedMoves"] = allowed.Select(m => new { to = Camel(m.To), name = m.Name, roles = m.Roles.Select(r => Camel(r)).ToArray() }).ToArray(),
        })
{
    private static string Camel<T>(T value) where T : Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
