using ClaimDesk.Analysis;

namespace ClaimDesk.Core.Domain;

/// <summary>A sentence of an article worth checking, as the suggestion job found it; stored so reading them is a read.</summary>
public sealed class SuggestedClaim
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public string Text { get; set; } = "";
    public double CheckWorthiness { get; set; }
    public ClaimKind Kind { get; set; }
    public string? Claimant { get; set; }
    /// <summary>The signals that decided score and kind, as JSON (code, description, weight).</summary>
    public string Signals { get; set; } = "[]";
}
