namespace ClaimDesk.Core.Features.Imports;

/// <summary>Limits and pace of bulk imports (configuration section ClaimDesk:Imports).</summary>
public sealed class ImportOptions
{
    public const string Section = "ClaimDesk:Imports";
    /// <summary>The largest upload (bytes): 10,000 articles of a few KB are about 50 MB.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
    public int MaxLines { get; set; } = 100_000;
    /// <summary>The longest line (bytes): an article of the longest text allowed, escaped.</summary>
    public int MaxLineBytes { get; set; } = 2 * 1024 * 1024;
    public int MaxClaimsPerArticle { get; set; } = 100;
    /// <summary>
    /// Lines processed in one transaction: the unit that a crash rolls back and a restart does again. Larger chunks commit
    /// less often; smaller ones hold SQLite's single writer lock for less time, so reviewers' writes wait less.
    /// </summary>
    public int ChunkSize { get; set; } = 50;
}
