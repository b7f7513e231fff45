using System.Net;
using System.Text;
using ClaimDesk.Core.Features.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Api.Contract;

/// <summary>One kind of problem: its stable code (what clients branch on), its status, title, and what it means.</summary>
public sealed record ProblemType(string Code, int Status, string Title, string Meaning);

/// <summary>
/// Every problem the desk answers with carries a stable <c>code</c> and a <c>type</c> URI naming a page the desk serves,
/// <c>{ClaimDesk:Desk:Url}/docs/problems/{code}</c>. The codes are listed here once: the problem pages, the OpenAPI
/// document and the README's table come from this list.
/// </summary>
public static class ProblemCatalog
{
    public const string PagesPath = "/docs/problems";

    public static readonly IReadOnlyList<ProblemType> All =
    [
        new("validation-failed", 400, "Validation failed", "A field, query parameter or header is invalid, unknown, or given twice; 'errors' names each (at most 20, with 'errorCount' when there were more)."),
        new("malformed-body", 400, "Bad request", "The body is not JSON of the shape this endpoint reads."),
        new("bad-request", 400, "Bad request", "The request cannot be read (e.g. a header out of bounds)."),
        new("unauthenticated", 401, "Unauthorized", "No API key, or not one of this desk's: send 'Authorization: Bearer <api key>'."),
        new("forbidden-role", 403, "Forbidden", "The API key's role does not allow this request."),
        new("claim-assigned-elsewhere", 403, "Forbidden", "The claim is assigned to someone else ('assignee'): only they, or an editor or admin, may change it."),
        new("assignment-not-allowed", 403, "Forbidden", "A reviewer may take an unassigned claim or drop their own; assigning others is for editors and admins."),
        new("own-citation", 403, "Forbidden", "A source you cited counts only once another person accepts it ('citedBy')."),
        new("own-proposal", 403, "Forbidden", "A proposed verdict is approved by someone other than its proposer ('proposedBy')."),
        new("not-an-approver", 403, "Forbidden", "Only the approvers of this verdict (editor, admin) may settle a proposal."),
        new("outlet-change-needs-editor", 403, "Forbidden", "Changing an existing outlet's domain or owner group needs an editor or admin."),
        new("not-found", 404, "Not found", "No such resource (or no such route)."),
        new("method-not-allowed", 405, "Method not allowed", "The route exists but not with this method."),
        new("illegal-move", 409, "Illegal move", "The workflow has no such move from the claim's status; 'allowedMoves' lists the moves it has."),
        new("verdict-needs-independent-support", 409, "Verdict needs independent support", "verified needs an accepted supporting evidence from an independent outlet."),
        new("verdict-needs-a-contradiction-or-a-source", 409, "Verdict needs a contradiction or a source", "disputed needs an accepted contradicting evidence or a cited source URL."),
        new("a-verdict-awaits-approval", 409, "A verdict awaits approval", "Another person's proposed verdict waits for an editor; it is settled first."),
        new("no-verdict-awaits-approval", 409, "No verdict awaits approval", "The claim carries no proposed verdict to approve or send back."),
        new("no-verdict-yet", 409, "No verdict yet", "A ClaimReview exists only for a claim with a verdict."),
        new("claim-is-closed", 409, "Claim is closed", "The claim has a verdict or is a duplicate; an editor reopens it first."),
        new("claim-is-a-duplicate", 409, "Claim is a duplicate", "The claim duplicates another; work on that one."),
        new("article-has-no-text", 409, "Article has no text", "The article is still being fetched (or its fetch failed); claims need its text."),
        new("duplicate-url", 409, "Duplicate URL", "Another article with different text is registered at this URL."),
        new("evidence-exists", 409, "Evidence exists", "This URL is already evidence for the claim."),
        new("feed-exists", 409, "Feed exists", "The feed is already registered."),
        new("name-taken", 409, "Name taken", "API key names are never issued twice, not even after revocation."),
        new("cannot-revoke-own-key", 409, "Cannot revoke own key", "An admin revokes their own key with another admin key."),
        new("idempotency-key-in-progress", 409, "Request in progress", "A request with this Idempotency-Key is still running; retry shortly."),
        new("stale-etag", 412, "Precondition failed", "If-Match names a version that is no longer current; 'currentETag' (and the ETag header) hold the current one."),
        new("body-too-large", 413, "Request too large", "Request bodies are limited to 2 MB."),
        new("unsupported-media-type", 415, "Unsupported media type", "Bodies are JSON: send Content-Type: application/json."),
        new("idempotency-key-reused", 422, "Idempotency key reused", "This Idempotency-Key was used with a different request; use a new key for a new request."),
        new("etag-required", 428, "Precondition required", "This change needs If-Match with the claim's current ETag (GET the claim first)."),
        new("rate-limited", 429, "Too many requests", "The API key is over its rate limit; Retry-After says when to try again."),
        new("internal-error", 500, "Internal error", "Something failed on the desk's side; quote 'traceId' when you report it."),
    ];

    private static readonly Dictionary<string, ProblemType> ByCode = All.ToDictionary(p => p.Code);

    public static ProblemType? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The code of a problem the framework wrote by itself (a route that does not exist, a method it lacks, ...).</summary>
    public static string DefaultCodeFor(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthenticated",
        403 => "forbidden-role",
        404 => "not-found",
        405 => "method-not-allowed",
        412 => "stale-etag",
        413 => "body-too-large",
        415 => "unsupported-media-type",
        428 => "etag-required",
        429 => "rate-limited",
        _ => "internal-error",
    };

    /// <summary>The codes one status can carry, for the OpenAPI document.</summary>
    public static IEnumerable<string> CodesFor(int status) => All.Where(p => p.Status == status).Select(p => p.Code);

    /// <summary>Under the desk's public URL when it is configured; else relative, resolved against the request (RFC 9457 allows it).</summary>
    public static string TypeUri(string? deskUrl, string code) => $"{deskUrl?.TrimEnd('/')}{PagesPath}/{code}";

    /// <summary>
    /// The one place every problem passes through (ours and the framework's): a code, a type URI for it, and the trace id.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.TryGetValue("code", out var given) || given is not string code)
        {
            code = DefaultCodeFor(status);
            problem.Extensions["code"] = code;
            if (Find(code) is { } known && (problem.Title is null || problem.Title.Length == 0 || problem.Detail is null)) problem.Detail ??= known.Meaning;
        }
        var desk = context.HttpContext.RequestServices.GetRequiredService<IOptions<DeskOptions>>().Value;
        problem.Type = TypeUri(desk.Url, code);
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    /// <summary>/docs/problems and /docs/problems/{code}: what each problem means, where its type URI points.</summary>
    public static IEndpointRouteBuilder MapProblemPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagesPath, () => Results.Content(Page("Problems the ClaimDesk API answers with",
                "<p>Every error is an RFC 9457 problem (<code>application/problem+json</code>) with a stable <code>code</code>, " +
                "a <code>type</code> URI pointing here, and a <code>traceId</code>. Branch on <code>code</code>.</p><table><tr><th>code</th><th>status</th><th>meaning</th></tr>" +
                string.Concat(All.Select(p => $"<tr><td><a href=\"{PagesPath}/{p.Code}\">{p.Code}</a></td><td>{p.Status}</td><td>{WebUtility.HtmlEncode(p.Meaning)}</td></tr>")) +
                "</table>"), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet(PagesPath + "/{code}", (string code) => Find(code) is { } p
                ? Results.Content(Page($"{p.Code} ({p.Status} {p.Title})", $"<p>{WebUtility.HtmlEncode(p.Meaning)}</p><p><a href=\"{PagesPath}\">All problems</a></p>"),
                    "text/html; charset=utf-8")
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static string Page(string title, string body)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>");
        html.Append(WebUtility.HtmlEncode(title)).Append("</title><h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>").Append(body).Append("</html>");
        return html.ToString();
    }
}
