using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;

namespace ClaimDesk.Core.Behaviors;

/// <summary>
/// Last before the handler, for commands only. A command's changes are written by one SaveChanges — atomic on its own —
/// and only then does the after-commit work (job enqueues) run, so no job is ever about a change that was not saved.
/// There is deliberately no transaction around the handler's reads: SQLite has one writer at a time, and holding its
/// lock while a handler reads would serialise every request. Races on a claim are settled by its version column
/// (the UPDATE matches only the version read). Commands that must write in several steps ask for a transaction.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(Lazy<ClaimDeskDbContext> lazyDb, AfterCommitActions afterCommit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand or ICommitsItself) return await next(message, cancellationToken);
        var db = lazyDb.Value;
        if (db.Database.CurrentTransaction is not null) return await next(message, cancellationToken);

        TResponse response;
        try
        {
            if (message is IAtomicCommand)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                response = await next(message, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                response = await next(message, cancellationToken);
                if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch
        {
            afterCommit.Discard();
            db.ChangeTracker.Clear();
            throw;
        }
        // Committed: nothing from here on may fail the request (a job that could not be queued is the sweep's to find).
        afterCommit.RunAll();
        return response;
    }
}
