using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.ApiKeys;

/// <summary>An admin revokes a key. The key stays listed, and its name stays taken: the audit log and assignments refer to it.</summary>
public sealed record RevokeApiKey(long Id) : ICommand<ApiKeyView>;

public sealed class RevokeApiKeyHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor) : ICommandHandler<RevokeApiKey, ApiKeyView>
{
    public async ValueTask<ApiKeyView> Handle(RevokeApiKey command, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, ct) ?? throw new NotFoundException("API key", command.Id);
        if (key.Id == actor.ApiKeyId)
            throw new ConflictException("Cannot revoke own key", "An admin cannot revoke the key they are using; use another admin key.");
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        return ApiKeyView.Of(key);
    }
}
