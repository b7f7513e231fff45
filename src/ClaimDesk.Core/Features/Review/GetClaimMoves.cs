using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Review;

/// <summary>
/// One move the asking person could make now: what it needs with it, and — when its requirement is not met — why it
/// would be refused. <see cref="TransitionClaim"/> still decides; this only lets a screen say so before anyone tries.
/// </summary>
public sealed record MoveOption(ClaimStatus To, string Name, MoveRequirement Requirement, string? Needs, string? RefusedBecause)
{
    public bool Possible => RefusedBecause is null;
}

/// <summary>The workflow moves from the claim's current state that the asking person's role may make.</summary>
public sealed record GetClaimMoves(long ClaimId) : IQuery<IReadOnlyList<MoveOption>>;

public sealed class GetClaimMovesHandler(ClaimDeskDbContext db, ICurrentActor actor) : IQueryHandler<GetClaimMoves, IReadOnlyList<MoveOption>>
{
    public async ValueTask<IReadOnlyList<MoveOption>> Handle(GetClaimMoves query, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Article).ThenInclude(a => a.Outlet)
            .FirstOrDefaultAsync(c => c.Id == query.ClaimId, ct) ?? throw new NotFoundException("Claim", query.ClaimId);
        if (actor.Role is not { } role) return [];

        var options = new List<MoveOption>();
        foreach (var move in ClaimWorkflow.MovesFrom(claim.Status).Where(m => m.Roles.Contains(role)))
        {
            options.Add(move.Requirement switch
            {
                MoveRequirement.IndependentSupport => new MoveOption(move.To, move.Name, move.Requirement, "a rationale",
                    await MoveRequirements.HasAcceptedIndependentSupportAsync(db, claim, ct)
                        ? null
                        : "Verified needs an accepted supporting evidence from an independent outlet (another outlet, not of the same owner group, not a syndicated copy)."),
                MoveRequirement.ContradictionOrSource => new MoveOption(move.To, move.Name, move.Requirement,
                    await MoveRequirements.HasAcceptedContradictionAsync(db, claim.Id, ct)
                        ? "a rationale"
                        : "a rationale citing a source URL (no contradicting evidence is accepted yet)", null),
                MoveRequirement.Rationale => new MoveOption(move.To, move.Name, move.Requirement, "a rationale", null),
                MoveRequirement.DuplicateOf => new MoveOption(move.To, move.Name, move.Requirement, "the id of the claim it duplicates", null),
                _ => new MoveOption(move.To, move.Name, move.Requirement, null, null),
            });
        }
        return options;
    }
}
