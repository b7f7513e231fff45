using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Behaviors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Review;

/// <summary>
/// A reviewer's note on a claim. Comments only append (they change no state of the claim), so they do not need
/// If-Match: two people can comment at once without either being refused.
/// </summary>
public sealed record CommentOnClaim(long ClaimId, string Text) : ICommand<CommentView>, ISavesItself;

public sealed class CommentOnClaimValidator : AbstractValidator<CommentOnClaim>
{
    public CommentOnClaimValidator() =>
        RuleFor(c => c.Text).NotEmpty().MaximumLength(8000).ProseText();
}

public sealed class CommentOnClaimHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<CommentOnClaim, CommentView>
{
    public async ValueTask<CommentView> Handle(CommentOnClaim command, CancellationToken ct)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == command.ClaimId, ct)
            ?? throw new NotFoundException("Claim", command.ClaimId);
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = new Comment { ClaimId = claim.Id, Author = actor.Name, Text = command.Text.Trim(), CreatedAt = now };
        db.Comments.Add(comment);
        ClaimAudit.Record(db, claim, actor, now, new CommentAdded(new CommentText(comment.Text)));
        await db.SaveChangesAsync(ct); // the answer shows the comment's id
        return new CommentView(comment.Id, comment.ClaimId, comment.Author, comment.Text, comment.CreatedAt);
    }
}
