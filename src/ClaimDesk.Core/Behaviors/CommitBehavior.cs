using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Behaviors;

/// <summary>
/// Last before the handler, for commands only: it commits. Whatever the handler changed and left unsaved is saved here,
/// in one SaveChanges (atomic on its own), and only then does the after-commit work (job enqueues) run, so no job is
/// ever about a change that was not saved. Most handlers therefore never save; one that must see its write before it
/// answers (a new row's id, a count read back, a race it settles itself) saves itself and says so with
/// <see cref="ISavesItself"/>; the behavior still commits what follows and runs the after-commit work.
/// There is deliberately no transaction around the handler's reads: SQLite has one writer at a time, and holding its
/// lock while a handler reads would serialise every request. Races on a claim are settled by its version column
/// (the UPDATE matches only the version read). Commands that must write in several steps ask for a transaction
/// (<see cref="IAtomicCommand"/>); one whose writer commits on its own is passed through (<see cref="ICommitsItself"/>).
/// A command sent with an Idempotency-Key gets a transaction too, from its first save: its answer is rendered and stored
/// in the same transaction as its change, so a retry after the commit always finds the answer to replay.
/// </summary>
public sealed class CommitBehavior<TMessage, TResponse>(
    Lazy<ClaimDeskDbContext> lazyDb, AfterCommitActions afterCommit, IdempotentRequest idempotent, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <summary>A race on a unique index is run again this many times at most (a second loss in a row is very unlikely).</summary>
    private const int MaxAttempts = 3;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand or ICommitsItself) return await next(message, cancellationToken);
        var db = lazyDb.Value;
        if (db.Database.CurrentTransaction is not null) return await next(message, cancellationToken);

        var answering = idempotent.AwaitsAnswer<TResponse>();
        TResponse response;
        for (var attempt = 1; ; attempt++)
        {
            var committedBefore = db.AutoCommits;
            try
            {
                if (message is IAtomicCommand) await db.Database.BeginTransactionAsync(cancellationToken);
                db.DeferCommit = answering;
                response = await next(message, cancellationToken);
                if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(cancellationToken);
                var answer = answering ? await StoreAnswerAsync(db, response, cancellationToken) : null;
                if (db.Database.CurrentTransaction is not null) await db.Database.CommitTransactionAsync(cancellationToken);
                if (answer is not null) idempotent.CommittedWith(answer);
                break;
            }
            catch (Exception e)
            {
                // Disposing an uncommitted transaction rolls it back.
                if (db.Database.CurrentTransaction is { } transaction) await transaction.DisposeAsync();
                afterCommit.Discard();
                db.ChangeTracker.Clear();
                // Lost a race on a unique index (two requests naming the same new outlet, posting the same text) with
                // nothing of this attempt committed: run the command again, and it finds what the winner wrote, exactly
                // as if it had come second.
                if (e is DbUpdateException lost && DatabaseErrors.IsUniqueViolation(lost) && db.AutoCommits == committedBefore && attempt < MaxAttempts)
                    continue;
                throw;
            }
            finally
            {
                db.DeferCommit = false;
            }
        }
        // Committed: nothing from here on may fail the request (a job that could not be queued is the sweep's to find).
        afterCommit.RunAll();
        return response;
    }

    private async Task<IdempotencyRecord> StoreAnswerAsync(ClaimDeskDbContext db, TResponse response, CancellationToken ct)
    {
        var record = await idempotent.RecordAsync(response, clock.GetUtcNow().UtcDateTime);
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The key's unique index: a request with the same key, on another node, committed first. Its answer is the one
            // that counts; this change rolls back, and the API replays that answer instead.
            throw new ConflictException("Request already answered",
                "Another request with this Idempotency-Key was answered first; nothing was changed by this one.");
        }
        return record;
    }
}
