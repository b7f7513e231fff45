using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.Api.Infrastructure;

internal static class ProblemResponses
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = status, Title = title, Detail = detail, Instance = context.Request.Path,
            Type = $"https://httpstatuses.io/{status}",
        };
        if (extensions is not null)
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        problem.Extensions["traceId"] = context.TraceIdentifier;
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}
