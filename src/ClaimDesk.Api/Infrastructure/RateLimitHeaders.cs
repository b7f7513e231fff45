using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>The per-key quota, as configured (ClaimDesk:RateLimit:PermitsPerMinute).</summary>
public sealed record RateLimitQuota(int PerMinute)
{
    /// <summary>The bucket refills continuously: this many permits every <see cref="RefillSeconds"/>.</summary>
    public int PermitsPerRefill => Math.Max(1, PerMinute / 6);
    public const int RefillSeconds = 10;
    public const string PolicyName = "per-key";
}

/// <summary>
/// The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-09) on every /api answer, the 429 included:
/// <c>RateLimit-Policy: "per-key";q=600;w=60</c> (the quota per window) and <c>RateLimit: "per-key";r=599;t=10</c>
/// (what is left of it, and the seconds until it is full again). Written when the answer starts, so that the count
/// includes this request and survives the exception handler clearing headers.
/// </summary>
public sealed class RateLimitHeadersMiddleware(RequestDelegate next, IOptions<RateLimiterOptions> limiter, RateLimitQuota quota)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.OnStarting(() =>
            {
                var available = context.Response.StatusCode == StatusCodes.Status429TooManyRequests
                    ? 0
                    : limiter.Value.GlobalLimiter?.GetStatistics(context)?.CurrentAvailablePermits ?? quota.PerMinute;
                var remaining = Math.Clamp(available, 0, quota.PerMinute);
                var refills = (int)Math.Ceiling((quota.PerMinute - remaining) / (double)quota.PermitsPerRefill);
                var headers = context.Response.Headers;
                headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{RateLimitQuota.PolicyName}\";q={quota.PerMinute};w=60");
                headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture,
                    $"\"{RateLimitQuota.PolicyName}\";r={remaining};t={refills * RateLimitQuota.RefillSeconds}");
                return Task.CompletedTask;
            });
        return next(context);
    }
}
