using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Imports;

/// <summary>The whole upload is stored: the import is queued for a worker.</summary>
public sealed record QueueImport(long ImportId) : ICommand<ImportView>;

public sealed class QueueImportHandler(ClaimDeskDbContext db, TimeProvider clock, IAfterCommit afterCommit, IJobScheduler jobs)
    : ICommandHandler<QueueImport, ImportView>
{
    public async ValueTask<ImportView> Handle(QueueImport command, CancellationToken ct)
    {
        var import = await db.Imports.FirstOrDefaultAsync(i => i.Id == command.ImportId, ct) ?? throw new NotFoundException("Import", command.ImportId);
        if (import.State != ImportState.Receiving)
            throw new ConflictException("Import is not receiving", $"Import {import.Id} is {import.State}.");
        import.State = ImportState.Queued;
        import.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        afterCommit.Add(() => jobs.ProcessImport(import.Id));
        return ImportView.Of(import, await GetImportHandler.FailuresAsync(db, import.Id, 1, Paging.DefaultPageSize, ct));
    }
}
