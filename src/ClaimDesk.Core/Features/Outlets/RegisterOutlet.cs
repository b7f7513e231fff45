using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using FluentValidation;
using Mediator;

namespace ClaimDesk.Core.Features.Outlets;

public sealed record OutletView(long Id, string Name, string? Domain, string? OwnerGroup);

/// <summary>Records an outlet's domain and owner group (outlets of one group are not independent of each other).</summary>
public sealed record RegisterOutlet(string Name, string? Domain, string? OwnerGroup) : ICommand<OutletView>;

public sealed class RegisterOutletValidator : AbstractValidator<RegisterOutlet>
{
    public RegisterOutletValidator()
    {
        RuleFor(o => o.Name).NotEmpty().MaximumLength(200).LabelText();
        RuleFor(o => o.Domain).MaximumLength(253).LabelText();
        RuleFor(o => o.OwnerGroup).MaximumLength(200).LabelText();
    }
}

public sealed class RegisterOutletHandler(ClaimDeskDbContext db, TimeProvider clock) : ICommandHandler<RegisterOutlet, OutletView>
{
    public async ValueTask<OutletView> Handle(RegisterOutlet command, CancellationToken ct)
    {
        var outlet = await OutletDirectory.FindOrCreateAsync(db, command.Name, command.Domain?.Trim().ToLowerInvariant(), clock.GetUtcNow().UtcDateTime, ct);
        if (command.Domain is not null) outlet.Domain = command.Domain.Trim().ToLowerInvariant();
        outlet.OwnerGroup = string.IsNullOrWhiteSpace(command.OwnerGroup) ? null : command.OwnerGroup.Trim();
        await db.SaveChangesAsync(ct);
        return ToView(outlet);
    }

    internal static OutletView ToView(Outlet o) => new(o.Id, o.Name, o.Domain, o.OwnerGroup);
}
