using System.Security.Claims;
using System.Text.Encodings.Web;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the hashed keys in the database.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "claimdesk:keyId";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("Use 'Authorization: Bearer <api key>'.");
        var presented = header["Bearer ".Length..].Trim();
        if (presented.Length is < 20 or > 200) return AuthenticateResult.Fail("Invalid API key.");

        var fingerprint = ApiKeyCache.Fingerprint(presented);
        if (cache.Find(fingerprint) is not { } known)
        {
            var prefix = ApiKeySecrets.LookupPrefix(presented);
            // The database only on a cache miss: a known key costs no DbContext lease.
            var db = Context.RequestServices.GetRequiredService<ClaimDeskDbContext>();
            var key = await db.ApiKeys.AsNoTracking()
                .Where(k => k.Prefix == prefix && k.RevokedAt == null)
                .Select(k => new { k.Id, k.Name, k.Role, k.SecretHash })
                .FirstOrDefaultAsync(Context.RequestAborted);
            if (key is null || !ApiKeySecrets.Matches(presented, key.SecretHash))
                return AuthenticateResult.Fail("Invalid API key."); // never echo or log the presented key
            cache.Remember(fingerprint, key.Id, key.Name, key.Role.ToString());
            known = cache.Find(fingerprint)!;
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, known.Name),
                new Claim(ClaimTypes.Role, known.Role),
                new Claim(KeyIdClaim, known.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "unauthenticated", "Unauthorized",
            "Send an API key: 'Authorization: Bearer <api key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden-role", "Forbidden",
            "Your API key's role does not allow this request.");
}
