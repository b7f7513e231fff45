using System.Security.Claims;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Security;

namespace ClaimDesk.WebConsole.Infrastructure;

/// <summary>The person signed in: their key's name and role, and the time zone their browser reported at sign-in.</summary>
public sealed class ConsoleUser
{
    public const string TimeZoneClaim = "claimdesk:timeZone";

    public ConsoleUser(ClaimsPrincipal principal)
    {
        Name = principal.Identity?.IsAuthenticated == true ? principal.Identity.Name ?? "" : "";
        Role = Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
        TimeZone = FindZone(principal.FindFirstValue(TimeZoneClaim));
    }

    public string Name { get; }
    public Role? Role { get; }
    public TimeZoneInfo TimeZone { get; }
    public bool SignedIn => Role is not null;
    public string RoleName => Role?.ToString().ToLowerInvariant() ?? "none";

    /// <summary>What the screen offers follows the same table the server enforces.</summary>
    public bool May(string permission) => Role is { } role && RolePermissions.Policies[permission].Contains(role);

    public static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }
}
