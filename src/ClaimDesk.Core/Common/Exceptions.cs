namespace ClaimDesk.Core.Common;

// Handlers throw these; one exception handler in the API turns them into RFC 9457 problem details.

/// <summary>The thing asked for does not exist (404).</summary>
public sealed class NotFoundException(string entity, object id)
    : Exception($"{entity} {id} was not found.")
{
    public string Entity { get; } = entity;
    public object Id { get; } = id;
}

/// <summary>The request is well-formed but conflicts with the current state (409).</summary>
/// <param name="code">The stable problem code clients branch on; by default the title in kebab case ("Feed exists" → feed-exists).</param>
public class ConflictException(string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null, string? code = null)
    : Exception(detail)
{
    public string Title { get; } = title;
    public string Code { get; } = code ?? PublicNames.Kebab(title);
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>The caller may not do this (403): their role, or a rule such as who a claim is assigned to.</summary>
/// <param name="code">The stable problem code: which rule refused (claim-assigned-elsewhere, own-citation, ...).</param>
public sealed class ForbiddenException(string detail, IReadOnlyDictionary<string, object?>? extensions = null, string code = "forbidden-role") : Exception(detail)
{
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>A change was requested without If-Match (428).</summary>
public sealed class PreconditionRequiredException()
    : Exception("This change needs an If-Match header with the claim's current ETag (GET the claim first).");

/// <summary>If-Match named a version that is no longer current (412).</summary>
public sealed class PreconditionFailedException(string currentETag)
    : Exception($"The claim changed since you read it; its current ETag is {currentETag}. Read it again and retry.")
{
    public string CurrentETag { get; } = currentETag;
}

/// <summary>A field-level problem only the handler can see (e.g. a quote span outside the article), reported as 400.</summary>
public sealed class FieldValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>What was asked for is still being computed by a job (202 with Retry-After).</summary>
public sealed class WorkPendingException(string title, string detail, int retryAfterSeconds = 1) : Exception(detail)
{
    public string Title { get; } = title;
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
