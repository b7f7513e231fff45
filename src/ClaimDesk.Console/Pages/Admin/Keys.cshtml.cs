using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.ApiKeys;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.WebConsole.Pages.Admin;

/// <summary>API keys (admins only): issue one (its secret is shown once, on this answer only) or revoke one.</summary>
[Permission(RolePermissions.Admin)]
public sealed class KeysModel(IConsoleKeys keys) : ConsolePage
{
    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];
    public CreatedApiKey? Created { get; private set; }

    public override string Title => "API keys";

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    [Permission(RolePermissions.Admin)]
    public Task<IActionResult> OnPostCreateAsync(string? name, string? role) => ChangeAndShowAsync(async ct =>
    {
        if (!Enum.TryParse<Role>(role, ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
            throw new Core.Common.FieldValidationException("role", "Choose a role.");
        Created = await Mediator.Send(new CreateApiKey(name ?? "", chosen), ct);
        return $"Key '{Created.Key.Name}' issued. Copy its secret now: it is not shown again.";
    });

    [Permission(RolePermissions.Admin)]
    public Task<IActionResult> OnPostRevokeAsync(long keyId) => ChangeAsync(async ct =>
    {
        var revoked = await Mediator.Send(new RevokeApiKey(keyId), ct);
        keys.Revoked(revoked.Id); // its sessions end at once on this node
        return $"Key '{revoked.Name}' revoked; its sessions have ended.";
    });

    protected override async Task LoadAsync(CancellationToken ct) => Keys = (await Mediator.Send(new ListApiKeys(1, Paging.MaxPageSize), ct)).Items;
}
