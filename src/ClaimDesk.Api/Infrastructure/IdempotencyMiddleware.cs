using System.Security.Cryptography;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on unsafe POSTs: a retry with the same key and body replays the first answer (status, body,
/// Location, ETag); the same key with another body is refused with 422. Keys are per API key and expire after a day.
/// Unlike eShop's IdentifiedCommand (which answers "true" for a duplicate), the client gets the very answer it missed.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    /// <summary>A first request still "running" after this long died with its process; its key is free again.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || string.IsNullOrEmpty(key)
            || !long.TryParse(context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value, out var apiKeyId))
        {
            await next(context);
            return;
        }
        if (key.Length > 200)
        {
            await ProblemResponses.WriteAsync(context, 400, "bad-request", "Bad request", $"{HeaderName} must be at most 200 characters.");
            return;
        }

        // Leased only now: most requests carry no key and never touch the idempotency table.
        var db = context.RequestServices.GetRequiredService<ClaimDeskDbContext>();
        var requestHash = await HashRequestAsync(context.Request);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, context.RequestAborted);
        if (existing is not null && (existing.ExpiresAt <= now || (existing.StatusCode == 0 && existing.CreatedAt <= now - Abandoned)))
        {
            await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(context.RequestAborted);
            existing = null;
        }
        if (existing is not null)
        {
            await AnswerFromRecordAsync(context, existing, requestHash);
            return;
        }

        var record = new IdempotencyRecord { ApiKeyId = apiKeyId, Key = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + Lifetime };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // Another request with this key got in first and is still running: an expected race, not an error.
            logger.LogInformation("A request with the same {Header} (API key {ApiKeyId}) is in progress; answered 409 on {Method} {Path}",
                HeaderName, apiKeyId, context.Request.Method, context.Request.Path);
            await ProblemResponses.WriteAsync(context, 409, "idempotency-key-in-progress", "Request in progress", $"A request with this {HeaderName} is still being processed; retry shortly.");
            return;
        }
        finally
        {
            db.ChangeTracker.Clear();
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
        captured.Position = 0;
        await captured.CopyToAsync(originalBody, context.RequestAborted);
        await StoreOrForgetAsync(db, record.Id, context.Response, captured.ToArray());
    }

    private async Task AnswerFromRecordAsync(HttpContext context, IdempotencyRecord record, string requestHash)
    {
        if (record.RequestHash != requestHash)
        {
            await ProblemResponses.WriteAsync(context, 422, "idempotency-key-reused", "Idempotency key reused",
                $"This {HeaderName} was used with a different request. Use a new key for a new request.");
            return;
        }
        if (record.StatusCode == 0)
        {
            await ProblemResponses.WriteAsync(context, 409, "idempotency-key-in-progress", "Request in progress", $"A request with this {HeaderName} is still being processed; retry shortly.");
            return;
        }
        context.Response.StatusCode = record.StatusCode;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.ContentType is not null) context.Response.ContentType = record.ContentType;
        if (record.Location is not null) context.Response.Headers.Location = record.Location;
        if (record.ETag is not null) context.Response.Headers.ETag = record.ETag;
        if (record.Body is { Length: > 0 } body) await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private async Task StoreOrForgetAsync(ClaimDeskDbContext db, long recordId, HttpResponse response, byte[] body)
    {
        try
        {
            // A server error is not an answer worth replaying: forget the key so the client's retry runs again.
            if (response.StatusCode >= 500)
            {
                await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync();
                return;
            }
            var contentType = response.ContentType;
            var location = response.Headers.Location.ToString();
            var etag = response.Headers.ETag.ToString();
            await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Location, location.Length == 0 ? null : location)
                .SetProperty(r => r.ETag, etag.Length == 0 ? null : etag)
                .SetProperty(r => r.Body, body));
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not store the idempotent answer {RecordId}", recordId);
        }
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
