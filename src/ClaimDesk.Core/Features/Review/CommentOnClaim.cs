using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Review;

public sealed record CommentView(long Id, long ClaimId, string Author, string Text, DateTime CreatedAt);

/// <summary>
/// A reviewer's note on a claim. Comments only append (they change no state of the claim), so they do not need
/// If-Match: two people can comment at once without either being refused.
/// </summary>
public sealed record CommentOnClaim(long ClaimId, string Text) : ICommand<CommentView>;

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
        await db.SaveChangesAsync(ct);
        return new CommentView(comment.Id, comment.ClaimId, comment.Author, comment.Text, comment.CreatedAt);
    }
}

public sealed record ListComments(long ClaimId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<CommentView>>, IPagedQuery;

public sealed class ListCommentsValidator : PagedQueryValidator<ListComments>;

public sealed class ListCommentsHandler(ClaimDeskDbContext db) : IQueryHandler<ListComments, PagedResult<CommentView>>
{
    public async ValueTask<PagedResult<CommentView>> Handle(ListComments query, CancellationToken ct)
    {
        if (!await db.Claims.AnyAsync(c => c.Id == query.ClaimId, ct)) throw new NotFoundException("Claim", query.ClaimId);
        return await db.Comments.AsNoTracking().Where(c => c.ClaimId == query.ClaimId).OrderBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.ClaimId, c.Author, c.Text, c.CreatedAt)).ToPageAsync(query, ct);
    }
}
