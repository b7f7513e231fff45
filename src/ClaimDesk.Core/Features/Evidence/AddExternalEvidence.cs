using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Evidence;

/// <summary>
/// A reviewer cites a source outside the desk's articles (an official record, a transcript). The reviewer vouches for it,
/// so it is accepted as added; it is independent unless it lives on the claim's own outlet's domain.
/// </summary>
public sealed record AddExternalEvidence(long ClaimId, string Url, Stance Stance, string? Note, int? ExpectedVersion)
    : ICommand<EvidenceDecided>;

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
        ClaimForChange.EnsureOpen(claim, "evidence is added");
        var url = command.Url.Trim();
        if (await db.Evidence.AnyAsync(e => e.ClaimId == claim.Id && e.ExternalUrl == url, ct))
            throw new ConflictException("Evidence exists", $"{url} is already evidence for claim {claim.Id}.");

        var host = UrlRules.HostOf(url);
        var outletDomain = claim.Article.Outlet.Domain;
        var sameOutlet = host is not null && outletDomain is not null
                         && (host == outletDomain || host.EndsWith("." + outletDomain, StringComparison.Ordinal));
        var now = clock.GetUtcNow().UtcDateTime;
        var evidence = new Domain.Evidence
        {
            ClaimId = claim.Id, ExternalUrl = url, Stance = command.Stance, Score = 1, Independent = !sameOutlet,
            DependenceReason = sameOutlet ? "sameOutlet" : null, ReviewState = EvidenceReviewState.Accepted,
            ReviewNote = command.Note?.Trim(), ReviewedBy = actor.Name, CreatedAt = now,
        };
        db.Evidence.Add(evidence);
        claim.Touch(now);
        ClaimAudit.Record(db, claim, actor, ClaimEventTypes.EvidenceAdded, now,
            after: new { url, stance = evidence.Stance, independent = evidence.Independent, reviewState = evidence.ReviewState });
        await db.SaveChangesAsync(ct);
        return new EvidenceDecided(GetClaimEvidenceHandler.ToView(evidence), ETag.For(claim.Id, claim.Version));
    }
}
