namespace ClaimDesk.Core.Domain;

/// <summary>
/// One entry of an outlet's append-only audit log. An outlet's domain and owner group decide which evidence counts as
/// independent — and so which claims can be verified — so every change to them is kept: who, when, before and after.
/// </summary>
public sealed class OutletEvent
{
    public long Id { get; set; }
    public long OutletId { get; set; }
    /// <summary>Set when the outlet is new in the same unit of work, so one SaveChanges writes both.</summary>
    public Outlet? Outlet { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    /// <summary>registered or changed.</summary>
    public required string Type { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

public static class OutletEventTypes
{
    public const string Registered = "registered";
    public const string Changed = "changed";
}
