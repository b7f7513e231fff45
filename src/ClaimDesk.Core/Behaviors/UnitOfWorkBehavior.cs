using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Behaviors;

/// <summary>
/// Last before the handler, for commands only: one transaction around the handler's work, committed
/// when it returns; only then does the after-commit work (job enqueues) run. Queries pass straight through.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(ClaimDeskDbContext db, AfterCommitActions afterCommit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || db.Database.CurrentTransaction is not null)
            return await next(message, cancellationToken);
        if (message is ICommitsOnItsOwn)
            return await RunWithoutTransactionAsync(message, next, cancellationToken);

        // On SQLite this is BEGIN IMMEDIATE: writers queue for the lock up front, so a read-then-write
        // never fails half-way on a lock upgrade, and two racing reviewers are serialised.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            afterCommit.RunAll();
            return response;
        }
        catch
        {
            afterCommit.Discard();
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async ValueTask<TResponse> RunWithoutTransactionAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            var response = await next(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            afterCommit.RunAll();
            return response;
        }
        catch
        {
            afterCommit.Discard();
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
