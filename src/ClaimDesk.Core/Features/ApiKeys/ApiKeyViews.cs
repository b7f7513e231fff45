using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Features.ApiKeys;

public sealed record ApiKeyView(long Id, string Name, Role Role, string Prefix, DateTime CreatedAt, DateTime? RevokedAt, string CreatedBy)
{
    internal static ApiKeyView Of(ApiKey k) => new(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.RevokedAt, k.CreatedBy);
}
