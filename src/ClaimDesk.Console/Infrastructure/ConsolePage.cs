using ClaimDesk.Core.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimDesk.WebConsole.Infrastructure;

/// <summary>
/// A console page: reads through Mediator, changes through Mediator (the same requests the API endpoints send), and
/// turns the handlers' exceptions into what a person should see — a notice, a problem, a 412 "someone changed this",
/// a 403 or a 404 — never an error page.
/// </summary>
public abstract class ConsolePage : PageModel
{
    private ConsoleUser? _me;

    public ConsoleUser Me => _me ??= new ConsoleUser(User);

    /// <summary>Why the page is refused (403) or missing (404); the layout then shows only that.</summary>
    public string? Outcome { get; private set; }

    /// <summary>What went wrong with the last change (a refused move, an invalid field), shown above the page.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The last change was refused because the claim changed since the page was rendered (412).</summary>
    public bool Stale { get; private set; }

    /// <summary>What the last change did, carried over the redirect that follows it.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>What a change did, shown on the very page it answers (a secret shown once is never redirected).</summary>
    public string? Announcement { get; protected set; }

    public abstract string Title { get; }

    protected IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>Reads everything the page shows.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    public IActionResult Refuse(string why)
    {
        Outcome = why;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    protected async Task<IActionResult> ShowAsync()
    {
        try
        {
            await LoadAsync(Aborted);
        }
        catch (NotFoundException missing)
        {
            Outcome = missing.Message;
            Response.StatusCode = 404;
        }
        return Page();
    }

    /// <summary>
    /// Makes a change; on success redirects (to <paramref name="then"/>, else back here) with the notice, so a reload does
    /// not repeat it. On failure the page is rendered again, fresh, with the reason and the status the API would answer.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(Func<CancellationToken, Task<string>> change, Func<string>? then = null)
    {
        try
        {
            Notice = await change(Aborted);
            return Redirect(then?.Invoke() ?? Here());
        }
        catch (Exception refused) when (Explain(refused) is { } status)
        {
            return await RefusedAsync(refused, status);
        }
    }

    /// <summary>
    /// Makes a change and answers with the page itself rather than a redirect: for what must be shown once and never
    /// stored, such as a new key's secret. The answer is marked no-store.
    /// </summary>
    protected async Task<IActionResult> ChangeAndShowAsync(Func<CancellationToken, Task<string>> change)
    {
        Response.Headers.CacheControl = "no-store";
        try
        {
            Announcement = await change(Aborted);
            return await ShowAsync();
        }
        catch (Exception refused) when (Explain(refused) is { } status)
        {
            return await RefusedAsync(refused, status);
        }
    }

    /// <summary>The status the API answers a handler's exception with, and what the person reads; null for a real failure.</summary>
    private int? Explain(Exception exception)
    {
        switch (exception)
        {
            case PreconditionFailedException:
                Stale = true;
                return 412;
            case ValidationException invalid:
                Problems = invalid.Errors.Select(e => e.ErrorMessage).Distinct().ToList();
                return 400;
            case FieldValidationException invalid:
                Problems = [invalid.Message];
                return 400;
            case ForbiddenException forbidden:
                Outcome = forbidden.Message;
                return 403;
            case NotFoundException missing:
                Problems = [missing.Message];
                return 404;
            case ConflictException conflict:
                Problems = [conflict.Message];
                return 409;
            case WorkPendingException pending:
                Problems = [pending.Message];
                return 409;
            default:
                return null;
        }
    }

    private async Task<IActionResult> RefusedAsync(Exception refused, int status)
    {
        if (refused is ForbiddenException)
        {
            Response.StatusCode = status;
            return Page();
        }
        var result = await ShowAsync();
        if (Response.StatusCode != 404) Response.StatusCode = status;
        return result;
    }

    /// <summary>Where a form posts to reach one of this page's handlers, keeping the page's query (its filters).</summary>
    public string HandlerUrl(string handler)
    {
        var here = Here();
        return here + (here.Contains('?') ? "&" : "?") + "handler=" + Uri.EscapeDataString(handler);
    }

    /// <summary>This page's address without the handler that was posted to.</summary>
    protected string Here()
    {
        var query = Request.Query.Where(q => !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        var queryString = string.Join('&', query);
        return Request.PathBase + Request.Path + (queryString.Length > 0 ? "?" + queryString : "");
    }
}
