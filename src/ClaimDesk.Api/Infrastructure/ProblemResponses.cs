using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.Api.Infrastructure;

internal static class ProblemResponses
{
    /// <param name="code">The stable code of <see cref="Contract.ProblemCatalog"/>; it also names the problem's type page.</param>
    public static Task WriteAsync(HttpContext context, int status, string code, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path };
        if (extensions is not null)
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        problem.Extensions["code"] = code;
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}
