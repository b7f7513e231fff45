using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Behaviors;
using Mediator;

namespace ClaimDesk.Core.Features.Imports;

/// <summary>An upload begins: the import exists (receiving) so its lines can be stored as they arrive.</summary>
public sealed record StartImport : ICommand<long>, ISavesItself;

public sealed class StartImportHandler(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor) : ICommandHandler<StartImport, long>
{
    public async ValueTask<long> Handle(StartImport command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var import = new Import
        {
            State = ImportState.Receiving, CreatedAt = now, UpdatedAt = now,
            CreatedBy = actor.Name, CreatedByRole = actor.Role, CreatedByKeyId = actor.ApiKeyId,
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(ct); // the upload's lines are stored under the import's id
        return import.Id;
    }
}
