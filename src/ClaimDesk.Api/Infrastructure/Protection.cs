using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>Rate limits per API key (429 with Retry-After) and the security headers every answer carries.</summary>
public static class Protection
{
    public const string ConsoleContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IServiceCollection AddClaimDeskRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("ClaimDesk:RateLimit:PermitsPerMinute", 600);
        var quota = new RateLimitQuota(perMinute);
        services.AddSingleton(quota);
        services.AddRateLimiter(options =>
        {
            // One bucket per API key (anonymous callers per address), refilled continuously.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var key = context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value
                          ?? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = quota.PermitsPerRefill,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(RateLimitQuota.RefillSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 10;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests",
                    $"This API key is over its limit of {perMinute} requests a minute; retry after {retryAfter} s.");
            };
        });
        return services;
    }

    /// <summary>
    /// nosniff, no framing, no referrer; a strict CSP for the JSON API, and one for the console that lets its pages load
    /// only the console's own stylesheet and script (no inline script or style, nothing from elsewhere). The documentation
    /// and dashboard pages (/scalar, /hangfire) load their own scripts, so they keep the framework's defaults.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health"))
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            else if (context.Request.Path.StartsWithSegments("/console"))
                headers.ContentSecurityPolicy = ConsoleContentSecurityPolicy;
            return Task.CompletedTask;
        });
        await next();
    });
}
