namespace ClaimDesk.Analysis;

/// <summary>Who stands behind a statement.</summary>
public enum ClaimKind
{
    /// <summary>The outlet asserts a checkable fact in its own voice.</summary>
    Factual,
    /// <summary>Someone is reported as saying it; the claimant is known.</summary>
    Attributed,
    /// <summary>The outlet's own unsourced evaluation or aside.</summary>
    Editorial,
}
