namespace ClaimDesk.Core.Domain;

public enum ImportState
{
    /// <summary>The upload is still arriving; nothing is processed yet.</summary>
    Receiving,
    /// <summary>Every line is stored; waiting for a worker.</summary>
    Queued,
    Running,
    Completed,
    /// <summary>The upload broke off before its end (the client went away, or the process died while receiving).</summary>
    Abandoned,
}

/// <summary>
/// A bulk import of articles (NDJSON, one article a line). The lines are stored in the database before any is
/// processed, so any worker can process them and a restart resumes where the last committed chunk ended
/// (<see cref="Cursor"/>): each chunk's articles, claims, line outcomes and cursor are written in one transaction.
/// </summary>
public sealed class Import
{
    public long Id { get; set; }
    public ImportState State { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The key that uploaded it: the articles and claims are registered in its name.</summary>
    public string CreatedBy { get; set; } = "";
    public Role? CreatedByRole { get; set; }
    public long? CreatedByKeyId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>Non-blank lines received.</summary>
    public int Lines { get; set; }
    /// <summary>The line number of the last line processed and committed; 0 before the first chunk.</summary>
    public int Cursor { get; set; }
    public int Created { get; set; }
    public int Duplicates { get; set; }
    public int Failed { get; set; }
    public int Claims { get; set; }

    public int Processed => Created + Duplicates + Failed;
}

public enum ImportLineOutcome { Pending, Created, Duplicate, Failed }

/// <summary>One line of an import: its JSON until it is processed, then what became of it.</summary>
public sealed class ImportLine
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    /// <summary>The line's number in the uploaded file (1-based, blank lines counted), as the client sees it.</summary>
    public int LineNumber { get; set; }
    /// <summary>The article as received (normalised JSON); cleared once processed.</summary>
    public string? Content { get; set; }
    public ImportLineOutcome Outcome { get; set; }
    public long? ArticleId { get; set; }
    public string? Reason { get; set; }
}
