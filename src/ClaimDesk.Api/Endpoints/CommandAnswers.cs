using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using Mediator;

namespace ClaimDesk.Api.Endpoints;

/// <summary>
/// How an unsafe endpoint sends its command and maps the response to its answer. For a request with an Idempotency-Key
/// the mapping goes to the write path first (through <see cref="IdempotentRequest"/>): the answer is rendered before
/// the change commits and stored in the same transaction, so a retry after the commit always finds it.
/// </summary>
internal static class CommandAnswers
{
    public static Task<TResult> AnswerAsync<TResponse, TResult>(this IMediator mediator, HttpContext http, ICommand<TResponse> command,
        Func<TResponse, TResult> answer, CancellationToken ct) where TResult : IResult =>
        mediator.AnswerAsync(http, command, answer, etag: null, ct);

    /// <param name="etag">The ETag header of the answer (a claim's version), when it has one.</param>
    public static async Task<TResult> AnswerAsync<TResponse, TResult>(this IMediator mediator, HttpContext http, ICommand<TResponse> command,
        Func<TResponse, TResult> answer, Func<TResponse, string>? etag, CancellationToken ct) where TResult : IResult
    {
        var idempotent = http.RequestServices.GetRequiredService<IdempotentRequest>();
        if (idempotent.Key is not null)
            idempotent.AnswerWith<TResponse>(response => RenderAsync(http, answer(response), etag?.Invoke(response)));
        var response = await mediator.Send(command, ct);
        if (etag is not null) http.Response.Headers.ETag = etag(response);
        return answer(response);
    }

    /// <summary>
    /// Runs the result as the endpoint would — same serializer options, same headers — against a response of its own,
    /// because it runs before the commit, possibly on the registration writer's thread, while the request still waits.
    /// </summary>
    private static async ValueTask<IdempotentAnswer> RenderAsync(HttpContext http, IResult result, string? etag)
    {
        var context = new DefaultHttpContext { RequestServices = http.RequestServices };
        context.Request.Method = http.Request.Method;
        context.Request.Scheme = http.Request.Scheme;
        context.Request.Host = http.Request.Host;
        context.Request.PathBase = http.Request.PathBase;
        context.Request.Path = http.Request.Path;
        using var body = new MemoryStream();
        context.Response.Body = body;
        if (etag is not null) context.Response.Headers.ETag = etag;
        await result.ExecuteAsync(context);
        await context.Response.CompleteAsync();
        var location = context.Response.Headers.Location.ToString();
        var tag = context.Response.Headers.ETag.ToString();
        return new IdempotentAnswer(context.Response.StatusCode, context.Response.ContentType,
            location.Length == 0 ? null : location, tag.Length == 0 ? null : tag, body.ToArray());
    }
}
