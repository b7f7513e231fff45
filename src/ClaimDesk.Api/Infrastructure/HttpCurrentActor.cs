using System.Security.Claims;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>The API key behind the current request; the system when there is no request (a background job).</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string Name => User?.Identity?.Name ?? SystemActor.Instance.Name;

    public Role? Role => Enum.TryParse<Role>(User?.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public long? ApiKeyId => long.TryParse(User?.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var id) ? id : null;

    public bool IsSystem => User is null;
}
