using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// Bounds request bodies. Kestrel enforces the same limit on the wire; this middleware answers a declared
/// oversize body with a problem-details 413 before anything reads it (and covers hosts without Kestrel). An endpoint
/// that streams a larger body (a bulk import) says its own limit with a <see cref="IRequestSizeLimitMetadata"/>.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = MaxBodyBytes;
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } endpointLimit)
        {
            limit = endpointLimit;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } wire) wire.MaxRequestBodySize = limit;
        }
        return context.Request.ContentLength > limit
            ? ProblemResponses.WriteAsync(context, 413, "body-too-large", "Request too large", $"Request bodies are limited to {Megabytes(limit)} MB here.")
            : next(context);
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
