using System.Security.Claims;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimDesk.WebConsole.Pages;

/// <summary>A person signs in once with their personal API key; the console keeps a cookie session from then on.</summary>
public sealed class SignInModel(IConsoleKeys keys) : PageModel
{
    [BindProperty]
    public string? ApiKey { get; set; }

    /// <summary>The browser's IANA zone (filled in by the console's script), so times show in the reader's zone.</summary>
    [BindProperty]
    public string? TimeZone { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public bool SignedOut => Request.Query.ContainsKey("signedOut");

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect(Destination()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var presented = ApiKey?.Trim() ?? "";
        var identity = presented.Length is >= 20 and <= 200
            ? await keys.IdentifyAsync(presented, ConsoleSetup.Scheme, HttpContext.RequestAborted)
            : null;
        ApiKey = null; // never rendered back
        if (identity is null)
        {
            Error = "That key is not valid, or it has been revoked.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        var zone = ConsoleUser.FindZone(TimeZone?.Trim());
        identity.AddClaim(new Claim(ConsoleUser.TimeZoneClaim, zone.Id));
        await HttpContext.SignInAsync(ConsoleSetup.Scheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        return Redirect(Destination());
    }

    /// <summary>Back to the console page that asked for the sign-in; never anywhere else.</summary>
    private string Destination() =>
        ReturnUrl is { } url && url.StartsWith(ConsoleSetup.BasePath, StringComparison.Ordinal) && Url.IsLocalUrl(url)
            ? url
            : ConsoleSetup.BasePath;
}
