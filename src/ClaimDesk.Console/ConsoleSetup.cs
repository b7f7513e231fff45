using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Routing;

namespace ClaimDesk.WebConsole;

/// <summary>How a host serves the console: pages, the session cookie, the assets.</summary>
public static class ConsoleSetup
{
    /// <summary>The authentication scheme of console sessions (a cookie).</summary>
    public const string Scheme = "ConsoleSession";
    public const string BasePath = "/console";
    public const string SignInPath = "/console/sign-in";
    public const string SessionCookie = "claimdesk.session";
    public const string AntiforgeryCookie = "claimdesk.antiforgery";
    /// <summary>A session lasts this long after its last request.</summary>
    public static readonly TimeSpan SessionIdleLimit = TimeSpan.FromHours(8);

    /// <summary>Console requests authenticate with the session cookie; everything else keeps the API key.</summary>
    public static bool IsConsoleRequest(HttpContext context) => context.Request.Path.StartsWithSegments(BasePath);

    public static IServiceCollection AddClaimDeskConsole(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddRazorPages(options =>
            {
                // Every page needs a signed-in person; the sign-in page says otherwise. Actions check their own permission.
                options.Conventions.AuthorizeFolder("/", RolePermissions.Read);
                options.Conventions.AllowAnonymousToPage("/SignIn");
            })
            .AddMvcOptions(options => options.Filters.Add<PermissionFilter>())
            .AddApplicationPart(typeof(ConsoleSetup).Assembly);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookie;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is (antiforgery refuses to run at all on plain HTTP with "Always", which would
            // break a desk behind a TLS-terminating proxy); it only pairs with the form token, the session is the credential.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The host's own header (DENY) is stricter than the SAMEORIGIN antiforgery would add.
            options.SuppressXFrameOptionsHeader = true;
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "claimdesk.notice";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = BasePath;
        });
        return services;
    }

    /// <summary>
    /// The session: an HttpOnly, SameSite=Strict cookie (Secure outside development) protected by Data Protection, sliding
    /// over <see cref="SessionIdleLimit"/>. Each request re-checks the key behind it, so revoking the key ends the session.
    /// </summary>
    public static AuthenticationBuilder AddConsoleSession(this AuthenticationBuilder authentication, IHostEnvironment environment) =>
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = SessionCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurity(environment);
            options.ExpireTimeSpan = SessionIdleLimit;
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.LogoutPath = BasePath + "/sign-out";
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnValidatePrincipal = async context =>
            {
                var keys = context.HttpContext.RequestServices.GetRequiredService<IConsoleKeys>();
                if (context.Principal is null || !await keys.IsActiveAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme);
                }
            };
            // A signed-in person without the right gets a 403, not a trip to a sign-in page they already passed.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

    /// <summary>The stylesheet and script, before authentication: the sign-in page needs them too.</summary>
    public static IApplicationBuilder UseConsoleAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ConsoleSetup).Assembly, "assets"),
            RequestPath = BasePath + "/assets",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });

    public static IEndpointRouteBuilder MapClaimDeskConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        return endpoints;
    }

    private static CookieSecurePolicy CookieSecurity(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
