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

        var known = await FindAsync(presented, cache, Context.RequestServices, Context.RequestAborted);
        if (known is null) return AuthenticateResult.Fail("Invalid API key."); // never echo or log the presented key
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(IdentityOf(known, SchemeName)), SchemeName));
    }

    /// <summary>The active key a presented secret belongs to, from the cache or (on a miss) the database; null when none.</summary>
    internal static async Task<ApiKeyCache.Entry?> FindAsync(string presented, ApiKeyCache cache, IServiceProvider services, CancellationToken ct)
    {
        var fingerprint = ApiKeyCache.Fingerprint(presented);
        if (cache.Find(fingerprint) is { } known) return known;
        var prefix = ApiKeySecrets.LookupPrefix(presented);
        // The database only on a cache miss: a known key costs no DbContext lease.
        var db = services.GetRequiredService<ClaimDeskDbContext>();
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.Role, k.SecretHash })
            .FirstOrDefaultAsync(ct);
        if (key is null || !ApiKeySecrets.Matches(presented, key.SecretHash)) return null;
        cache.Remember(fingerprint, key.Id, key.Name, key.Role.ToString());
        return cache.Find(fingerprint);
    }

    /// <summary>Who the key is, in the claims every part of the desk reads (the current actor, rate limits, roles).</summary>
    internal static ClaimsIdentity IdentityOf(ApiKeyCache.Entry known, string authenticationType) => new(
        [
            new Claim(ClaimTypes.Name, known.Name),
            new Claim(ClaimTypes.Role, known.Role),
            new Claim(KeyIdClaim, known.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], authenticationType);

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
