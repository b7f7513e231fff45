using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.ApiKeys;

public sealed record ApiKeyView(long Id, string Name, Role Role, string Prefix, DateTime CreatedAt, DateTime? RevokedAt, string CreatedBy);

/// <summary>The new key, with its secret shown this once.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

/// <summary>An admin issues a key for a person or a tool. Names are unique: they are who the audit log says acted.</summary>
public sealed record CreateApiKey(string Name, Role Role) : ICommand<CreatedApiKey>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator()
    {
        RuleFor(k => k.Name).NotEmpty().MaximumLength(200).Matches(@"^[\p{L}\p{N}][\p{L}\p{N} ._@-]*$")
            .WithMessage("'Name' must start with a letter or digit and use letters, digits, spaces, '.', '_', '@' or '-'.");
        RuleFor(k => k.Role).IsInEnum();
    }
}

public sealed class CreateApiKeyHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken ct)
    {
        var name = command.Name.Trim();
        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAt == null, ct))
            throw new ConflictException("Name taken", $"An active key named '{name}' exists; revoke it first or choose another name.");
        var generated = ApiKeySecrets.Generate();
        var key = new ApiKey
        {
            Name = name, Role = command.Role, Prefix = generated.Prefix, SecretHash = generated.Hash,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ToView(key), generated.Plaintext);
    }

    internal static ApiKeyView ToView(ApiKey k) => new(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.RevokedAt, k.CreatedBy);
}

public sealed record RevokeApiKey(long Id) : ICommand<ApiKeyView>;

public sealed class RevokeApiKeyHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor) : ICommandHandler<RevokeApiKey, ApiKeyView>
{
    public async ValueTask<ApiKeyView> Handle(RevokeApiKey command, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, ct) ?? throw new NotFoundException("API key", command.Id);
        if (key.Id == actor.ApiKeyId)
            throw new ConflictException("Cannot revoke own key", "An admin cannot revoke the key they are using; use another admin key.");
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return CreateApiKeyHandler.ToView(key);
    }
}

public sealed record ListApiKeys : IQuery<IReadOnlyList<ApiKeyView>>;

public sealed class ListApiKeysHandler(ClaimDeskDbContext db) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyView>>
{
    public async ValueTask<IReadOnlyList<ApiKeyView>> Handle(ListApiKeys query, CancellationToken ct) =>
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct)).Select(CreateApiKeyHandler.ToView).ToList();
}
