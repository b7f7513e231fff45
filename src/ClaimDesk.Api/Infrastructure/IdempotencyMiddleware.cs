using System.Collections.Concurrent;
using System.Security.Cryptography;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on unsafe POSTs: a retry with the same key and body replays the first answer (status, body,
/// Location, ETag); the same key with another body is refused with 422. Keys are per API key and expire after a day.
/// Unlike eShop's IdentifiedCommand (which answers "true" for a duplicate), the client gets the very answer it missed.
/// <list type="bullet">
/// <item>An answer to a change is stored by the write path in the transaction that commits the change
/// (<see cref="IdempotentRequest"/>): committed, it can be replayed; rolled back, it was never stored. This middleware
/// only looks the key up, replays, and sends the committed answer.</item>
/// <item>A refusal (a 4xx, thrown or returned: validation, 404, 409…) changed nothing; it is stored once answered, and
/// the retry gets the same refusal. A server error (5xx) is not stored: nothing was committed, the key stays free and
/// the client's retry runs again.</item>
/// <item>A retry that arrives while its first try still runs on this process is told 409 "in progress". Nothing marks a
/// key as taken in the database, so a process that dies mid-request leaves no key behind: the retry simply runs.</item>
/// <item>Once the desk has a keyed request, a client that goes away does not cancel it: it runs to its answer, which
/// the client's retry then finds.</item>
/// </list>
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock, IdempotentAnswerSeal seal, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Compiled: keyed requests look their key up on every try.</summary>
    private static readonly Func<ClaimDeskDbContext, long, string, Task<IdempotencyRecord?>> StoredAnswer =
        EF.CompileAsyncQuery((ClaimDeskDbContext db, long apiKeyId, string key) =>
            db.IdempotencyRecords.AsNoTracking().FirstOrDefault(r => r.ApiKeyId == apiKeyId && r.Key == key));

    /// <summary>Keys whose try is running in this process; in memory on purpose, so a process that dies takes them along.</summary>
    private readonly ConcurrentDictionary<(long ApiKeyId, string Key), byte> _running = new();

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

        // From here the request runs to its answer even if the client leaves: its retry must find that answer.
        context.RequestAborted = CancellationToken.None;
        // Leased only now: most requests carry no key and never touch the idempotency table.
        var db = context.RequestServices.GetRequiredService<ClaimDeskDbContext>();
        var requestHash = await HashRequestAsync(context.Request);
        if (await FindAnswerAsync(db, apiKeyId, key) is { } stored)
        {
            await ReplayAsync(context, stored, requestHash);
            return;
        }
        if (!_running.TryAdd((apiKeyId, key), 0))
        {
            // Two tries of one key at once: an expected race, not an error.
            logger.LogInformation("A request with the same {Header} (API key {ApiKeyId}) is in progress; answered 409 on {Method} {Path}",
                HeaderName, apiKeyId, context.Request.Method, context.Request.Path);
            await ProblemResponses.WriteAsync(context, 409, "idempotency-key-in-progress", "Request in progress", $"A request with this {HeaderName} is still being processed; retry shortly.");
            return;
        }
        try
        {
            // The try that held the key may have committed its answer and let go between the lookup above and taking
            // the key here: look again, now that no other try of this key can run on this process.
            if (await FindAnswerAsync(db, apiKeyId, key) is { } answered)
            {
                await ReplayAsync(context, answered, requestHash);
                return;
            }
            var idempotent = context.RequestServices.GetRequiredService<IdempotentRequest>();
            idempotent.Begin(apiKeyId, key, requestHash);
            await RunAsync(context, db, idempotent);
        }
        finally
        {
            _running.TryRemove((apiKeyId, key), out _);
        }
    }

    private async Task RunAsync(HttpContext context, ClaimDeskDbContext db, IdempotentRequest idempotent)
    {
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

        if (idempotent.Committed is { } committed)
        {
            // Stored with the change: send those very bytes, the ones every retry will get.
            await WriteAsync(context, committed);
            return;
        }
        // Nothing was committed with an answer. If another request answered this key meanwhile (another node), that
        // answer is the one that counts.
        if (await FindAnswerAsync(db, idempotent.ApiKeyId, idempotent.Key!) is { } other)
        {
            await ReplayAsync(context, other, idempotent.RequestHash!);
            return;
        }
        var answer = new IdempotentAnswer(context.Response.StatusCode, context.Response.ContentType,
            NullIfEmpty(context.Response.Headers.Location.ToString()), NullIfEmpty(context.Response.Headers.ETag.ToString()), captured.ToArray());
        if (answer.StatusCode < 500)
        {
            if (answer.StatusCode < 400)
                logger.LogWarning("{Method} {Path} answered {Status} without storing its answer with its change; stored now",
                    context.Request.Method, context.Request.Path, answer.StatusCode);
            var record = idempotent.RecordOf(answer, clock.GetUtcNow().UtcDateTime);
            if (!await TryStoreAsync(db, record) && await FindAnswerAsync(db, idempotent.ApiKeyId, idempotent.Key!) is { } first)
            {
                await ReplayAsync(context, first, idempotent.RequestHash!);
                return;
            }
        }
        await WriteAsync(context, answer);
    }

    /// <summary>The stored answer of a key, its body opened; null when the key is free.</summary>
    private async Task<IdempotencyRecord?> FindAnswerAsync(ClaimDeskDbContext db, long apiKeyId, string key)
    {
        var record = await StoredAnswer(db, apiKeyId, key);
        if (record is null) return null;
        var body = seal.Open(record.Body);
        // Expired, left unanswered by an earlier version (which took keys before answering), or sealed with keys the
        // desk no longer has: the key is free.
        if (record.ExpiresAt <= clock.GetUtcNow().UtcDateTime || record.StatusCode == 0 || body is null)
        {
            await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync();
            return null;
        }
        record.Body = body; // not tracked: the opened body is this request's to replay, never saved
        return record;
    }

    /// <summary>False when the key's unique index refused it: another request (on another node) answered the key first.</summary>
    private static async Task<bool> TryStoreAsync(ClaimDeskDbContext db, IdempotencyRecord record)
    {
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord record, string requestHash)
    {
        if (record.RequestHash != requestHash)
        {
            await ProblemResponses.WriteAsync(context, 422, "idempotency-key-reused", "Idempotency key reused",
                $"This {HeaderName} was used with a different request. Use a new key for a new request.");
            return;
        }
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await WriteAsync(context, record.Answer);
    }

    private static async Task WriteAsync(HttpContext context, IdempotentAnswer answer)
    {
        context.Response.StatusCode = answer.StatusCode;
        if (answer.ContentType is not null) context.Response.ContentType = answer.ContentType;
        if (answer.Location is not null) context.Response.Headers.Location = answer.Location;
        if (answer.ETag is not null) context.Response.Headers.ETag = answer.ETag;
        context.Response.ContentLength = answer.Body.Length;
        if (answer.Body.Length > 0) await context.Response.Body.WriteAsync(answer.Body);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0) hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
