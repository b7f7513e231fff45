using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Evidence;

/// <summary>
/// A reviewer cites a source outside the desk's articles (an official record, a transcript). Anyone can type a URL, so a
/// citation is only suggested: it counts once another person has accepted it (<see cref="DecideEvidence"/>) — one
/// reviewer alone cannot verify a claim on a source of their own choosing.
/// </summary>
public sealed record AddExternalEvidence(long ClaimId, string Url, Stance Stance, string? Note, int? ExpectedVersion)
    : ICommand<EvidenceDecided>, IAtomicCommand, ISavesItself;

public sealed class AddExternalEvidenceValidator : AbstractValidator<AddExternalEvidence>
{
    public AddExternalEvidenceValidator()
    {
        RuleFor(e => e.Url).NotEmpty().MaximumLength(2048).Must(UrlRules.IsHttpUrl).WithMessage("'Url' must be an absolute http or https URL.");
        RuleFor(e => e.Stance).IsInEnum();
        RuleFor(e => e.Note).MaximumLength(4000).ProseText();
    }
}

public sealed class AddExternalEvidenceHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<AddExternalEvidence, EvidenceDecided>
{
    public async ValueTask<EvidenceDecided> Handle(AddExternalEvidence command, CancellationToken ct)
    {
        var claim = await ClaimForChange.LoadAsync(db, command.ClaimId, command.ExpectedVersion, ct);
        ClaimAssignment.EnsureMayWorkOn(claim, actor, "cite evidence for it");
        ClaimForChange.EnsureOpen(claim, "evidence is added");
        var url = command.Url.Trim();
        if (await db.Evidence.AnyAsync(e => e.ClaimId == claim.Id && e.ExternalUrl == url, ct))
            throw new ConflictException("Evidence exists", $"{url} is already evidence for claim {claim.Id}.");

        var now = clock.GetUtcNow().UtcDateTime;
        var evidence = new Domain.Evidence
        {
            ClaimId = claim.Id, ExternalUrl = url, Stance = command.Stance, Score = 1, ReviewState = EvidenceReviewState.Suggested,
            ReviewNote = command.Note?.Trim(), CitedBy = actor.Name, CreatedAt = now,
        };
        db.Evidence.Add(evidence);
        claim.Touch(now);
        var view = await GetClaimEvidenceHandler.ViewOfAsync(db, claim, evidence, ct);
        // Saved first (in the command's transaction) so the audit event, and the webhook it raises, can name the evidence's id.
        await db.SaveChangesAsync(ct);
        ClaimAudit.Record(db, claim, actor, now,
            new SourceCited(new CitedSource(url, evidence.Stance, view.Independent, evidence.ReviewState, actor.Name, evidence.Id)));
        await db.SaveChangesAsync(ct);
        return new EvidenceDecided(view with { Id = evidence.Id }, ETag.For(claim.Id, claim.Version));
    }
}
