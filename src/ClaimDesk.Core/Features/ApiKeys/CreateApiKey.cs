using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Security;
using ClaimDesk.Core.Behaviors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.ApiKeys;

/// <summary>The new key, with its secret shown this once.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

/// <summary>
/// An admin issues a key for a person or a tool. Names are who the audit log says acted and what assignments point
/// at, so a name is never issued twice, not even after its key is revoked: a new key by an old name would inherit the
/// old key's assignments and history. Names compare without regard to letter case.
/// </summary>
public sealed record CreateApiKey(string Name, Role Role) : ICommand<CreatedApiKey>, ISavesItself;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator()
    {
        RuleFor(k => k.Name).KeyName();
        RuleFor(k => k.Role).IsInEnum();
    }
}

public sealed class CreateApiKeyHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken ct)
    {
        var name = command.Name.Trim();
        if (await NameTakenAsync(name, ct)) throw NameTaken(name);
        var generated = ApiKeySecrets.Generate();
        var key = new ApiKey
        {
            Name = name, Role = command.Role, Prefix = generated.Prefix, SecretHash = generated.Hash,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.ApiKeys.Add(key);
        // Saved here: a name lost to a racing request is answered as taken (409), and the answer shows the key's id.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on names: another admin issued the same name a moment ago.
            db.Entry(key).State = EntityState.Detached;
            if (await NameTakenAsync(name, ct)) throw NameTaken(name);
            throw;
        }
        return new CreatedApiKey(ApiKeyView.Of(key), generated.Plaintext);
    }

    // Names are ASCII (see ValidationRules.KeyName), so SQL lower() and ToLowerInvariant agree on every provider.
    private Task<bool> NameTakenAsync(string name, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        return db.ApiKeys.AnyAsync(k => k.Name.ToLower() == lower, ct);
    }

    private static ConflictException NameTaken(string name) => new("Name taken",
        $"A key named '{name}' exists or existed. Names are never reissued, not even after revocation (the audit log and assignments refer to them); choose another name.");
}
