namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// Bounds request bodies. Kestrel enforces the same limit on the wire; this middleware answers a declared
/// oversize body with a problem-details 413 before anything reads it (and covers hosts without Kestrel).
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public Task InvokeAsync(HttpContext context) =>
        context.Request.ContentLength > MaxBodyBytes
            ? ProblemResponses.WriteAsync(context, 413, "body-too-large", "Request too large", $"Request bodies are limited to {MaxBodyBytes / 1024 / 1024} MB.")
            : next(context);
}
