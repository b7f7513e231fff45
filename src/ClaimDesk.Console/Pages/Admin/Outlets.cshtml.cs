using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Outlets;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.WebConsole.Pages.Admin;

/// <summary>Outlets and their owner groups: outlets of one group are not independent of each other.</summary>
public sealed class OutletsModel : ConsolePage
{
    public IReadOnlyList<OutletView> Outlets { get; private set; } = [];

    public override string Title => "Outlets";

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    [Permission(RolePermissions.Register)]
    public Task<IActionResult> OnPostSaveAsync(string? name, string? domain, string? ownerGroup) => ChangeAsync(async ct =>
    {
        var outlet = await Mediator.Send(new RegisterOutlet(name?.Trim() ?? "", string.IsNullOrWhiteSpace(domain) ? null : domain,
            ownerGroup), ct);
        return $"Outlet {outlet.Outlet.Name} saved.";
    });

    protected override async Task LoadAsync(CancellationToken ct) => Outlets = (await Mediator.Send(new ListOutlets(1, Paging.MaxPageSize), ct)).Items;
}
