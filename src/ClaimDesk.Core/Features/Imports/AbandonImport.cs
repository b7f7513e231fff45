using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Imports;

/// <summary>
/// An upload that broke off (the client went away, the body was too large or bad) is abandoned: nothing of it is
/// processed, and its stored lines are dropped. The import stays, saying so.
/// </summary>
/// <returns>False when the import was not receiving (already queued, or abandoned before).</returns>
public sealed record AbandonImport(long ImportId) : ICommand<bool>, IAtomicCommand;

public sealed class AbandonImportHandler(ClaimDeskDbContext db, TimeProvider clock) : ICommandHandler<AbandonImport, bool>
{
    public async ValueTask<bool> Handle(AbandonImport command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = await db.Imports.Where(i => i.Id == command.ImportId && i.State == ImportState.Receiving)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Abandoned).SetProperty(i => i.UpdatedAt, now), ct);
        if (abandoned > 0) await db.ImportLines.Where(l => l.ImportId == command.ImportId).ExecuteDeleteAsync(ct);
        return abandoned > 0;
    }
}
