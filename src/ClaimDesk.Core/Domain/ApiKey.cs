namespace ClaimDesk.Core.Domain;

public enum Role { Reader, Reviewer, Editor, Integration, Admin }

/// <summary>An API key. Only a hash of the secret is stored; the prefix finds the row without scanning.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public Role Role { get; set; }
    public required string Prefix { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
