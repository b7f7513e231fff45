using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Common;

/// <summary>Who is making the request: an API key (by name and role) or the system (a job).</summary>
public interface ICurrentActor
{
    string Name { get; }
    Role? Role { get; }
    long? ApiKeyId { get; }
    bool IsSystem { get; }
}

/// <summary>The actor for background jobs.</summary>
public sealed class SystemActor : ICurrentActor
{
    public static readonly SystemActor Instance = new();
    public string Name => "system";
    public Role? Role => null;
    public long? ApiKeyId => null;
    public bool IsSystem => true;
}
