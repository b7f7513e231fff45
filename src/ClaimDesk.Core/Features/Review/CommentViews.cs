namespace ClaimDesk.Core.Features.Review;

public sealed record CommentView(long Id, long ClaimId, string Author, string Text, DateTime CreatedAt);
