using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Evidence;

public enum EvidenceDecision { Accept, Reject }

/// <summary>
/// A reviewer accepts or rejects a suggested evidence; the claim's version moves, since what it rests on changed.
/// A cited source is accepted only by someone other than who cited it (the citer may still reject, i.e. withdraw, it).
/// </summary>
public sealed record DecideEvidence(long ClaimId, long EvidenceId, EvidenceDecision Decision, string? Note, int? ExpectedVersion)
    : ICommand<EvidenceDecided>;

/// <summary>The judged evidence and the claim's new ETag (the next change to the claim needs it).</summary>
public sealed record EvidenceDecided(EvidenceView Evidence, string ClaimETag);

public sealed class DecideEvidenceValidator : AbstractValidator<DecideEvidence>
{
    public DecideEvidenceValidator()
    {
        RuleFor(d => d.Decision).IsInEnum();
        RuleFor(d => d.Note).MaximumLength(4000).ProseText();
    }
}

public sealed class DecideEvidenceHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<DecideEvidence, EvidenceDecided>
{
    public async ValueTask<EvidenceDecided> Handle(DecideEvidence command, CancellationToken ct)
    {
        var claim = await ClaimForChange.LoadAsync(db, command.ClaimId, command.ExpectedVersion, ct);
        var evidence = await db.Evidence
            .Include(e => e.Article!).ThenInclude(a => a.Outlet)
            .FirstOrDefaultAsync(e => e.Id == command.EvidenceId && e.ClaimId == claim.Id, ct)
            ?? throw new NotFoundException("Evidence", command.EvidenceId);
        ClaimAssignment.EnsureMayWorkOn(claim, actor, "decide its evidence");
        ClaimForChange.EnsureOpen(claim, "its evidence is judged again");
        if (command.Decision == EvidenceDecision.Accept && evidence.CitedBy is { } citer && citer == actor.Name)
            throw new ForbiddenException(
                $"You cited {evidence.ExternalUrl} yourself; a citation counts only once another person accepts it.",
                new Dictionary<string, object?> { ["citedBy"] = citer }, "own-citation");

        var now = clock.GetUtcNow().UtcDateTime;
        var before = new EvidenceReview(evidence.ReviewState, evidence.ReviewNote);
        evidence.ReviewState = command.Decision == EvidenceDecision.Accept ? EvidenceReviewState.Accepted : EvidenceReviewState.Rejected;
        evidence.ReviewNote = command.Note?.Trim();
        evidence.ReviewedBy = actor.Name;
        claim.Touch(now);
        var after = new EvidenceReview(evidence.ReviewState, evidence.ReviewNote);
        var named = new EvidenceNamed(evidence.Id, evidence.Stance);
        ClaimAudit.Record(db, claim, actor, now, command.Decision == EvidenceDecision.Accept
            ? new EvidenceAccepted(before, after, named)
            : new EvidenceRejected(before, after, named));
        return new EvidenceDecided(await GetClaimEvidenceHandler.ViewOfAsync(db, claim, evidence, ct), ETag.For(claim.Id, claim.Version));
    }
}
