using System.Security.Claims;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// The API key behind the current request; in a background job, the key the job acts for (<see cref="ActingFor"/>),
/// else the system.
/// </summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor, ActingFor acting) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string Name => acting.Actor?.Name ?? User?.Identity?.Name ?? SystemActor.Instance.Name;

    public Role? Role => acting.Actor is { } actor ? actor.Role : Enum.TryParse<Role>(User?.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public long? ApiKeyId => acting.Actor is { } actor ? actor.ApiKeyId
        : long.TryParse(User?.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var id) ? id : null;

    public bool IsSystem => acting.Actor is { } actor ? actor.IsSystem : User is null;
}
