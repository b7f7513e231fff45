namespace ClaimDesk.Core.Domain;

public sealed class Comment
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}
