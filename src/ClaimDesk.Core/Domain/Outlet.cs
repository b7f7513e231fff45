namespace ClaimDesk.Core.Domain;

/// <summary>A publisher. Outlets of one owner group are not independent of each other.</summary>
public sealed class Outlet
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Upper-cased name, for case-insensitive uniqueness on every provider.</summary>
    public required string NormalizedName { get; set; }
    public string? Domain { get; set; }
    public string? OwnerGroup { get; set; }
    public DateTime CreatedAt { get; set; }

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    /// <summary>What the outlet's audit log records before and after a change: everything that decides independence.</summary>
    public OutletState Snapshot() => new(Name, Domain, OwnerGroup);
}

/// <summary>An outlet as its audit log records it before and after a change (absent values written as null).</summary>
public sealed record OutletState(string Name, string? Domain, string? OwnerGroup);
