using System.Text.RegularExpressions;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Review;

/// <summary>A reviewer moves a claim through the workflow: start review, rule a verdict, mark duplicate, reopen.</summary>
public sealed record TransitionClaim(long ClaimId, ClaimStatus To, string? Rationale, string? SourceUrl, long? DuplicateOf, int? ExpectedVersion)
    : ICommand<ClaimView>;

public sealed class TransitionClaimValidator : AbstractValidator<TransitionClaim>
{
    public TransitionClaimValidator()
    {
        RuleFor(t => t.To).IsInEnum();
        RuleFor(t => t.Rationale).NotEmpty().When(t => ClaimWorkflow.RequiresRationale(t.To))
            .WithMessage("A verdict needs a rationale.");
        RuleFor(t => t.Rationale).MaximumLength(8000);
        RuleFor(t => t.SourceUrl).Must(UrlRules.IsHttpUrl).When(t => t.SourceUrl is not null)
            .WithMessage("'Source Url' must be an absolute http or https URL.").MaximumLength(2048);
        RuleFor(t => t.DuplicateOf).NotNull().When(t => t.To == ClaimStatus.Duplicate)
            .WithMessage("Marking a claim duplicate needs the id of the claim it duplicates.");
        RuleFor(t => t.DuplicateOf).Must((t, of) => of != t.ClaimId).When(t => t.DuplicateOf is not null)
            .WithMessage("A claim cannot duplicate itself.");
    }
}

public sealed partial class TransitionClaimHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<TransitionClaim, ClaimView>
{
    public async ValueTask<ClaimView> Handle(TransitionClaim command, CancellationToken ct)
    {
        var claim = await ClaimForChange.LoadAsync(db, command.ClaimId, command.ExpectedVersion, ct);
        var from = claim.Status;
        var move = ClaimTransitionGuard.EnsureAllowed(from, command.To, actor);
        var sourceUrl = command.SourceUrl ?? FirstUrl(command.Rationale);
        await EnsureRequirementMetAsync(move, claim, command, sourceUrl, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var before = new { status = from, rationale = claim.Rationale, duplicateOf = claim.DuplicateOfId };
        claim.Status = command.To;
        if (command.To.IsVerdict())
        {
            claim.Rationale = command.Rationale!.Trim();
            claim.RationaleSourceUrl = sourceUrl;
            claim.DecidedAt = now;
            claim.HasNewEvidence = false;
        }
        else if (from.IsVerdict())
        {
            // Reopened: the verdict stands in the audit log, not on the claim.
            claim.Rationale = null;
            claim.RationaleSourceUrl = null;
            claim.DecidedAt = null;
        }
        claim.DuplicateOfId = command.To == ClaimStatus.Duplicate ? command.DuplicateOf : null;
        claim.Touch(now);
        ClaimAudit.Record(db, claim, actor, ClaimEventTypes.Transition, now, before,
            after: new { status = claim.Status, rationale = claim.Rationale, sourceUrl, duplicateOf = claim.DuplicateOfId },
            detail: new { move = move.Name, note = command.To.IsVerdict() ? null : command.Rationale });
        await db.SaveChangesAsync(ct);
        return ClaimQueries.ToView(claim, await ClaimQueries.SummarizeEvidenceAsync(db, claim.Id, ct));
    }

    private async Task EnsureRequirementMetAsync(ClaimMove move, Claim claim, TransitionClaim command, string? sourceUrl, CancellationToken ct)
    {
        switch (move.Requirement)
        {
            case MoveRequirement.IndependentSupport:
                if (!await VerdictEvidence.HasAcceptedIndependentSupportAsync(db, claim.Id, ct))
                    throw new ConflictException("Verdict needs independent support",
                        "A claim is verified only with at least one accepted supporting evidence from an independent outlet " +
                        "(another outlet, not of the same owner group, not a syndicated copy). Accept such evidence first, or rule another verdict.",
                        new Dictionary<string, object?> { ["requirement"] = "acceptedIndependentSupport" });
                break;
            case MoveRequirement.ContradictionOrSource:
                if (sourceUrl is null && !await VerdictEvidence.HasAcceptedContradictionAsync(db, claim.Id, ct))
                    throw new ConflictException("Verdict needs a contradiction or a source",
                        "A claim is disputed only with an accepted contradicting evidence, or a rationale citing a source URL (sourceUrl, or a link in the rationale).",
                        new Dictionary<string, object?> { ["requirement"] = "acceptedContradictionOrSourceUrl" });
                break;
            case MoveRequirement.DuplicateOf:
                var original = await db.Claims.AsNoTracking().Where(c => c.Id == command.DuplicateOf)
                    .Select(c => new { c.Status }).FirstOrDefaultAsync(ct);
                if (original is null)
                    throw new FieldValidationException("duplicateOf", $"Claim {command.DuplicateOf} does not exist.");
                if (original.Status == ClaimStatus.Duplicate)
                    throw new FieldValidationException("duplicateOf", $"Claim {command.DuplicateOf} is itself a duplicate; point at the original.");
                break;
        }
    }

    private static string? FirstUrl(string? text) => text is null ? null : UrlPattern().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"https?://[^\s)\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
