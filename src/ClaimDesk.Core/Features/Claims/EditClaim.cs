using ClaimDesk.Analysis;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Jobs;
using ClaimDesk.Core.Behaviors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>
/// A reviewer corrects an open claim's wording, claimant or kind (a JSON Merge Patch: a field left out is kept, a null
/// claimant clears it). A decided or duplicate claim is refused: an editor reopens it first, so a published verdict is
/// never about words it did not rule on. New words are a new claim to corroborate: its embedding is recomputed, the
/// evidence the engine suggested for the old words is dropped, and gathering runs again.
/// </summary>
public sealed record EditClaim(long ClaimId, FieldChange<string>? Text, FieldChange<string>? Claimant, FieldChange<ClaimKind?>? Kind, int? ExpectedVersion)
    : ICommand<ClaimView>, ISavesItself;

public sealed class EditClaimValidator : AbstractValidator<EditClaim>
{
    public EditClaimValidator()
    {
        // The same rules as registering a claim.
        When(e => e.Text is not null, () =>
            RuleFor(e => e.Text!.Value).NotEmpty().WithMessage("'text' cannot be cleared; give the claim's new words.")
                .MaximumLength(2000).ProseText().OverridePropertyName("text"));
        When(e => e.Claimant is not null, () =>
            RuleFor(e => e.Claimant!.Value).MaximumLength(200).LabelText().OverridePropertyName("claimant"));
        When(e => e.Kind is not null, () =>
            RuleFor(e => e.Kind!.Value).NotNull().WithMessage("'kind' cannot be cleared; give factual, attributed or editorial.")
                .IsInEnum().OverridePropertyName("kind"));
    }
}

public sealed class EditClaimHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor, IAfterCommit afterCommit, IJobScheduler jobs)
    : ICommandHandler<EditClaim, ClaimView>
{
    public async ValueTask<ClaimView> Handle(EditClaim command, CancellationToken ct)
    {
        var claim = await ClaimForChange.LoadAsync(db, command.ClaimId, command.ExpectedVersion, ct);
        ClaimForChange.EnsureOpen(claim, "its words are edited");
        ClaimAssignment.EnsureMayWorkOn(claim, actor, "edit it");
        if (claim.ProposedBy is { } proposer)
            throw new ConflictException("A verdict awaits approval",
                $"Claim {claim.Id} carries a verdict proposed by {proposer} on its current words; an editor approves it or sends it back first.",
                new Dictionary<string, object?> { ["proposedBy"] = proposer });

        var before = new EditedFields();
        var after = new EditedFields();
        if (command.Text?.Value?.Trim() is { } text && text != claim.Text)
        {
            before = before with { Text = new(claim.Text) };
            after = after with { Text = new(text) };
            claim.Text = text;
        }
        if (command.Claimant is { } claimantChange)
        {
            var claimant = string.IsNullOrWhiteSpace(claimantChange.Value) ? null : claimantChange.Value.Trim();
            if (claimant != claim.Claimant)
            {
                before = before with { Claimant = new(claim.Claimant) };
                after = after with { Claimant = new(claimant) };
                claim.Claimant = claimant;
            }
        }
        if (command.Kind?.Value is { } kind && kind != claim.Kind)
        {
            before = before with { Kind = new(claim.Kind) };
            after = after with { Kind = new(kind) };
            claim.Kind = kind;
        }
        if (after.IsEmpty) return ClaimQueries.ToView(claim, await ClaimQueries.SummarizeEvidenceAsync(db, claim, ct));

        var now = clock.GetUtcNow().UtcDateTime;
        claim.Touch(now);
        var textChanged = after.Text is not null;
        var dropped = textChanged ? await DropEngineSuggestionsAsync(claim, ct) : 0;
        ClaimAudit.Record(db, claim, actor, now, new ClaimEdited(before, after, textChanged ? new EditDetail(true, dropped) : null));
        // Saved before answering: the evidence summary is counted from the database, without the suggestions just dropped.
        await db.SaveChangesAsync(ct);
        if (textChanged) afterCommit.Add(() => jobs.GatherCorroboration(claim.Id));
        return ClaimQueries.ToView(claim, await ClaimQueries.SummarizeEvidenceAsync(db, claim, ct));
    }

    /// <summary>
    /// The embedding and the engine's undecided suggestions were about the old words; gathering recomputes both. What a
    /// person decided (accepted, rejected) and sources a person cited stay: they are the review's record.
    /// </summary>
    private async Task<int> DropEngineSuggestionsAsync(Claim claim, CancellationToken ct)
    {
        claim.Embedding = null;
        var stale = await db.Evidence
            .Where(e => e.ClaimId == claim.Id && e.ReviewState == EvidenceReviewState.Suggested && e.CitedBy == null && e.ArticleId != null)
            .ToListAsync(ct);
        db.Evidence.RemoveRange(stale);
        return stale.Count;
    }
}
