using ClaimDesk.Analysis;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;

namespace ClaimDesk.Core.Features.Claims;

public sealed record QuoteSpan(int Start, int End);

/// <summary>What the evidence says so far; independent supports are counted apart because only they can verify.</summary>
public sealed record EvidenceSummary(int Total, int Supports, int Contradicts, int Mentions, int IndependentSupports, int Accepted, int Rejected);

public sealed record ClaimView(
    long Id, long ArticleId, OutletRef Outlet, string Text, QuoteSpan? Quote, string? Claimant, ClaimKind Kind,
    double CheckWorthiness, ClaimStatus Status, string? Assignee, ClaimStatus? Verdict, string? Rationale,
    string? RationaleSourceUrl, long? DuplicateOfId, bool HasNewEvidence, int Version, string Etag,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? DecidedAt, EvidenceSummary EvidenceSummary, VerdictProposal? ProposedVerdict);

/// <summary>A verdict asked for that waits for a second person's approval; the claim stays inReview meanwhile.</summary>
public sealed record VerdictProposal(ClaimStatus Verdict, string Rationale, string? SourceUrl, string ProposedBy, DateTime ProposedAt);

/// <summary>A claim in a work queue: enough to pick the next one, and the ETag to take it without reading it first.</summary>
public sealed record ClaimListItem(
    long Id, long ArticleId, string Outlet, string Text, string? Claimant, ClaimKind Kind, double CheckWorthiness,
    ClaimStatus Status, string? Assignee, bool HasNewEvidence, DateTime CreatedAt, DateTime UpdatedAt, ClaimStatus? ProposedVerdict,
    int Version, string Etag);
