using System.Diagnostics;
using System.Globalization;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// With <c>ClaimDesk:Observability:ServerTiming=true</c>, every answer carries <c>Server-Timing: app;dur=&lt;ms&gt;</c>:
/// the time the desk spent from receiving the request to starting its answer (the page rendered, the JSON written to
/// its buffer). It is how the bench separates what the server costs from what the client and the loopback add on a
/// shared machine. Off by default: the timing of a request is a small signal an outsider need not have.
/// </summary>
public static class ServerTiming
{
    public const string Setting = "ClaimDesk:Observability:ServerTiming";

    public static IApplicationBuilder UseServerTimingWhenConfigured(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue(Setting, false)) return app;
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                context.Response.Headers["Server-Timing"] = "app;dur=" + elapsed.ToString("0.00", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
