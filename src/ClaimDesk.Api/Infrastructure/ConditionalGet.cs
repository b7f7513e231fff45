using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// GETs under /api answer with an ETag and honour If-None-Match with 304 Not Modified. A claim's ETag is its version
/// (what If-Match needs); any other answer's is a hash of its bytes, so it changes exactly when the answer does.
/// The answer is still computed — 304 saves the client the transfer and the parsing, not the desk the query.
/// </summary>
public sealed class ConditionalGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var originalBody = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = context.Response.Headers.ETag.ToString();
            if (string.IsNullOrEmpty(etag))
            {
                etag = $"\"h{Convert.ToHexStringLower(SHA256.HashData(captured.GetBuffer().AsSpan(0, (int)captured.Length)))[..24]}\"";
                context.Response.Headers.ETag = etag;
            }
            if (Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.ContentType = default;
                return;
            }
        }
        captured.Position = 0;
        await captured.CopyToAsync(originalBody, context.RequestAborted);
    }

    /// <summary>If-None-Match uses the weak comparison: W/"x" matches "x"; * matches anything.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParse(etag, out var current)) return false;
        return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
               && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
