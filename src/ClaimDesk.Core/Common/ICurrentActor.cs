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

/// <summary>A key as recorded earlier (who uploaded an import): a job acting for it is that key in the audit log.</summary>
public sealed record RecordedActor(string Name, Role? Role, long? ApiKeyId) : ICurrentActor
{
    public bool IsSystem => false;
}

/// <summary>
/// Set by a job that acts for whoever asked for it (a bulk import registers its articles in its uploader's name), before
/// it sends anything in its scope; <see cref="ICurrentActor"/> then answers for that key instead of the system.
/// </summary>
public sealed class ActingFor
{
    public ICurrentActor? Actor { get; set; }
}
