using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClaimDesk.Core.Data;

/// <summary>
/// Work that joins every SaveChanges of a context and needs the request's scope (the webhook outbox does). The scope
/// hands it to the context it leases from the pool; <see cref="SaveChangesObserverInterceptor"/> calls it. This split
/// lets contexts be pooled and their options — and interceptors — be built once per process, not once per request.
/// </summary>
public interface ISaveChangesObserver
{
    /// <summary>Before the save: may add entities to it.</summary>
    void Saving(ClaimDeskDbContext db);

    /// <summary>After the save succeeded (not necessarily committed, if a transaction is open).</summary>
    void Saved();

    /// <summary>The save failed: nothing it added was written.</summary>
    void Failed();
}

/// <summary>Forwards a context's saves to its scope's <see cref="ISaveChangesObserver"/>. Stateless: one per process.</summary>
public sealed class SaveChangesObserverInterceptor : SaveChangesInterceptor
{
    public static readonly SaveChangesObserverInterceptor Instance = new();

    private static ISaveChangesObserver? ObserverOf(DbContextEventData eventData) => (eventData.Context as ClaimDeskDbContext)?.SaveObserver;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ObserverOf(eventData)?.Saving((ClaimDeskDbContext)eventData.Context!);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ObserverOf(eventData)?.Saving((ClaimDeskDbContext)eventData.Context!);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ObserverOf(eventData)?.Saved();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ObserverOf(eventData)?.Saved();
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ObserverOf(eventData)?.Failed();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ObserverOf(eventData)?.Failed();
        return Task.CompletedTask;
    }
}
