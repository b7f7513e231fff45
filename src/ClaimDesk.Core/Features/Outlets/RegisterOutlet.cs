using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Security;
using ClaimDesk.Core.Behaviors;
using FluentValidation;
using Mediator;

namespace ClaimDesk.Core.Features.Outlets;

public sealed record OutletView(long Id, string Name, string? Domain, string? OwnerGroup);

/// <summary>The outlet, and whether this request created it.</summary>
public sealed record OutletRegistration(OutletView Outlet, bool Created);

/// <summary>
/// Records an outlet's domain and owner group (outlets of one group are not independent of each other). A new outlet may
/// be registered by whoever registers articles — articles create outlets anyway, and a new outlet makes no evidence more
/// independent than it was. Changing an existing one needs an editor or admin: its owner group and domain decide which
/// evidence is independent, and so which claims can be verified. A field left out (or null) is left as it is; an empty
/// string clears it. Every registration and change is in the outlet's history.
/// </summary>
public sealed record RegisterOutlet(string Name, string? Domain, string? OwnerGroup) : ICommand<OutletRegistration>, ISavesItself;

public sealed class RegisterOutletValidator : AbstractValidator<RegisterOutlet>
{
    public RegisterOutletValidator()
    {
        RuleFor(o => o.Name).NotEmpty().MaximumLength(200).LabelText();
        RuleFor(o => o.Domain).MaximumLength(253).LabelText();
        RuleFor(o => o.OwnerGroup).MaximumLength(200).LabelText();
    }
}

public sealed class RegisterOutletHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor) : ICommandHandler<RegisterOutlet, OutletRegistration>
{
    public async ValueTask<OutletRegistration> Handle(RegisterOutlet command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var domain = command.Domain?.Trim().ToLowerInvariant();
        var ownerGroup = command.OwnerGroup?.Trim();
        var outlet = await OutletDirectory.FindAsync(db, command.Name, ct);
        if (outlet is null)
        {
            outlet = OutletDirectory.Create(db, command.Name, NullIfEmpty(domain), NullIfEmpty(ownerGroup), actor, now);
            await db.SaveChangesAsync(ct); // the answer shows the new outlet's id
            return new OutletRegistration(ToView(outlet), Created: true);
        }

        var newDomain = Changed(outlet.Domain, domain);
        var newOwnerGroup = Changed(outlet.OwnerGroup, ownerGroup);
        if (newDomain == outlet.Domain && newOwnerGroup == outlet.OwnerGroup)
            return new OutletRegistration(ToView(outlet), Created: false); // nothing changes: registering again is harmless

        if (!actor.IsSystem && (actor.Role is not { } role || !RolePermissions.Policies[RolePermissions.ManageOutlets].Contains(role)))
            throw new ForbiddenException(
                $"Outlet '{outlet.Name}' exists; changing its domain or owner group needs an editor or admin, since they decide which evidence counts as independent.",
                new Dictionary<string, object?> { ["outletId"] = outlet.Id }, "outlet-change-needs-editor");
        var before = outlet.Snapshot();
        outlet.Domain = newDomain;
        outlet.OwnerGroup = newOwnerGroup;
        OutletAudit.Record(db, outlet, actor, OutletEventTypes.Changed, now, before, outlet.Snapshot());
        return new OutletRegistration(ToView(outlet), Created: false);
    }

    /// <summary>Left out: unchanged; empty: cleared; else the new value.</summary>
    private static string? Changed(string? current, string? requested) => requested is null ? current : NullIfEmpty(requested);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    internal static OutletView ToView(Outlet o) => new(o.Id, o.Name, o.Domain, o.OwnerGroup);
}
