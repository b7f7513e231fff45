using System.Text.Json;
using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details. Handlers throw meaningful exceptions;
/// anything unexpected is a 500 with a trace id and no stack trace.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        switch (exception)
        {
            case ValidationException validation:
                await WriteValidationAsync(context, validation);
                return true;
            case FieldValidationException field:
                await WriteValidationAsync(context, new Dictionary<string, string[]> { [field.Field] = [field.Message] });
                return true;
            case BadHttpRequestException bad:
                await WriteBadRequestAsync(context, bad);
                return true;
            case NotFoundException notFound:
                await ProblemResponses.WriteAsync(context, 404, "not-found", "Not found", notFound.Message);
                return true;
            case ForbiddenException forbidden:
                await ProblemResponses.WriteAsync(context, 403, forbidden.Code, "Forbidden", forbidden.Message, forbidden.Extensions.ToDictionary());
                return true;
            case ConflictException conflict:
                await ProblemResponses.WriteAsync(context, 409, conflict.Code, conflict.Title, conflict.Message, conflict.Extensions.ToDictionary());
                return true;
            case PreconditionRequiredException required:
                await ProblemResponses.WriteAsync(context, 428, "etag-required", "Precondition required", required.Message);
                return true;
            case PreconditionFailedException failed:
                context.Response.Headers.ETag = failed.CurrentETag;
                await ProblemResponses.WriteAsync(context, 412, "stale-etag", "Precondition failed", failed.Message,
                    new Dictionary<string, object?> { ["currentETag"] = failed.CurrentETag });
                return true;
            case WorkPendingException pending:
                // Accepted, not a problem: the work is under way. No body, so a 2xx has one schema per operation.
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                context.Response.Headers.RetryAfter = pending.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return true;
            case DbUpdateConcurrencyException:
                // Another writer changed the claim between our read and our write.
                await ProblemResponses.WriteAsync(context, 412, "stale-etag", "Precondition failed",
                    "The claim changed while your request was being processed. Read it again and retry.");
                return true;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                context.Response.StatusCode = 499;
                return true;
            default:
                logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
                await ProblemResponses.WriteAsync(context, 500, "internal-error", "Internal error",
                    "Something went wrong on our side. Quote the trace id when you report it.");
                return true;
        }
    }

    private static Task WriteValidationAsync(HttpContext context, Dictionary<string, string[]> errors) =>
        ProblemResponses.WriteAsync(context, 400, "validation-failed", "Validation failed", "One or more fields are invalid; see 'errors'.",
            new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>At most <see cref="ValidationRules.MaxReportedErrors"/> errors, and how many there were in all.</summary>
    private static Task WriteValidationAsync(HttpContext context, ValidationException validation)
    {
        var reported = validation.Errors.Take(ValidationRules.MaxReportedErrors).ToList();
        var total = validation is RequestValidationException counted ? counted.Total : validation.Errors.Count();
        var errors = reported.GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        if (total <= reported.Count) return WriteValidationAsync(context, errors);
        return ProblemResponses.WriteAsync(context, 400, "validation-failed", "Validation failed",
            $"{total} problems were found; 'errors' holds the first {reported.Count}.",
            new Dictionary<string, object?> { ["errors"] = errors, ["errorCount"] = total });
    }

    private static Task WriteBadRequestAsync(HttpContext context, BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return ProblemResponses.WriteAsync(context, 413, "body-too-large", "Request too large", bad.Message);
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return ProblemResponses.WriteAsync(context, 415, "unsupported-media-type", "Unsupported media type", bad.Message);
        // Name the field at fault when there is one: a wrong type, a value not allowed, a key given twice or unknown.
        if (bad.InnerException is JsonException refused && StrictJson.FieldOf(refused.Path) is { } field)
            return WriteValidationAsync(context, new Dictionary<string, string[]> { [field] = [StrictJson.Problem(refused, field)] });
        var detail = bad.InnerException is JsonException json
            ? $"The request body is not valid JSON for this endpoint{(json.Path is { Length: > 0 } path ? $" at '{path}'" : "")}."
            : bad.Message;
        return ProblemResponses.WriteAsync(context, 400, bad.InnerException is JsonException ? "malformed-body" : "bad-request", "Bad request", detail);
    }

    /// <summary>"Quote.Start" → "quote.start": error keys name fields the way clients send them.</summary>
    internal static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
