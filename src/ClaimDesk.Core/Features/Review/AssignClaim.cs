using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Review;

/// <summary>
/// An editor hands a claim to a reviewer (null unassigns); a reviewer may take an unassigned claim or drop their own
/// (<see cref="ClaimAssignment"/>).
/// </summary>
public sealed record AssignClaim(long ClaimId, string? Assignee, int? ExpectedVersion) : ICommand<ClaimView>;

public sealed class AssignClaimValidator : AbstractValidator<AssignClaim>
{
    public AssignClaimValidator() => RuleFor(a => a.Assignee).MaximumLength(200).LabelText();
}

public sealed class AssignClaimHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<AssignClaim, ClaimView>
{
    private static readonly Role[] CanReview = [Role.Reviewer, Role.Editor, Role.Admin];

    public async ValueTask<ClaimView> Handle(AssignClaim command, CancellationToken ct)
    {
        var claim = await ClaimForChange.LoadAsync(db, command.ClaimId, command.ExpectedVersion, ct);
        var assignee = string.IsNullOrWhiteSpace(command.Assignee) ? null : command.Assignee.Trim();

        ClaimAssignment.EnsureMayAssign(claim, assignee, actor);
        ClaimForChange.EnsureOpen(claim, "it is assigned");
        if (assignee is not null && !await db.ApiKeys.AnyAsync(k => k.Name == assignee && k.RevokedAt == null && CanReview.Contains(k.Role), ct))
            throw new FieldValidationException("assignee", $"'{assignee}' is not a reviewer of this desk (no active reviewer, editor or admin key by that name).");
        if (assignee == claim.Assignee)
            return ClaimQueries.ToView(claim, await ClaimQueries.SummarizeEvidenceAsync(db, claim, ct));

        var now = clock.GetUtcNow().UtcDateTime;
        var before = claim.Assignee;
        claim.Assignee = assignee;
        claim.Touch(now);
        ClaimAudit.Record(db, claim, actor, now, new ClaimAssigned(new AssigneeState(before), new AssigneeState(assignee)));
        return ClaimQueries.ToView(claim, await ClaimQueries.SummarizeEvidenceAsync(db, claim, ct));
    }
}
