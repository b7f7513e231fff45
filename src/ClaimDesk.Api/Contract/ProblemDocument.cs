using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Contract;

// What every error answer holds (RFC 9457 problem details plus the desk's extensions), as the OpenAPI document's
// Problem schema. The fields beyond the first seven appear only with the codes that carry them.

/// <summary>An RFC 9457 problem: branch on <c>code</c>; <c>type</c> is {desk url}/docs/problems/{code}.</summary>
public sealed record ProblemDocument(
    string Type, string Title, int Status, string Detail, string Instance,
    [ValuesOf(typeof(ProblemCodes), nameof(ProblemCodes.All))] string Code,
    string TraceId,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    int? ErrorCount = null,
    IReadOnlyList<AllowedMove>? AllowedMoves = null,
    [ValuesOfEnum(typeof(ClaimStatus))] string? CurrentStatus = null,
    [ValuesOfEnum(typeof(ClaimStatus))] string? RequestedStatus = null,
    string? CurrentETag = null,
    string? Assignee = null,
    string? CitedBy = null,
    string? ProposedBy = null,
    [ValuesOfEnum(typeof(ClaimStatus))] string? ProposedVerdict = null,
    string? Requirement = null,
    long? OutletId = null);

/// <summary>A move the workflow has from the claim's status (with illegal-move): where to, its name, and who may make it.</summary>
public sealed record AllowedMove([ValuesOfEnum(typeof(ClaimStatus))] string To, string Name, [ValuesOfEnum(typeof(Role))] IReadOnlyList<string> Roles);

public static class ProblemCodes
{
    public static readonly IReadOnlyList<string> All = ProblemCatalog.All.Select(p => p.Code).ToList();
}
