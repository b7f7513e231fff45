using ClaimDesk.Core.Behaviors;
using Mediator;
using Microsoft.EntityFrameworkCore;

// Planted for SavingConventionTests: proof that the rule finds a save however it is reached, and a mark that lies.
namespace ClaimDesk.Architecture.Tests.Planted.Saving;

internal sealed class PlantedDbContext(DbContextOptions options) : DbContext(options);

internal sealed record PlantedDirectSave : ICommand<int>;

internal sealed class PlantedDirectSaveHandler(PlantedDbContext db) : ICommandHandler<PlantedDirectSave, int>
{
    public async ValueTask<int> Handle(PlantedDirectSave command, CancellationToken ct) => await db.SaveChangesAsync(ct);
}

internal sealed record PlantedHelperSave : ICommand<int>;

internal sealed class PlantedHelperSaveHandler(PlantedWriter writer) : ICommandHandler<PlantedHelperSave, int>
{
    public async ValueTask<int> Handle(PlantedHelperSave command, CancellationToken ct)
    {
        await writer.WriteAsync(ct);
        return 1;
    }
}

/// <summary>Saves two calls deep, in an async method: the handler above saves through it.</summary>
internal sealed class PlantedWriter(PlantedDbContext db)
{
    public async Task WriteAsync(CancellationToken ct) => await CommitAsync(ct);

    private async Task CommitAsync(CancellationToken ct) => await db.SaveChangesAsync(ct);
}

internal sealed record PlantedLambdaSave : ICommand<int>;

internal sealed class PlantedLambdaSaveHandler(PlantedDbContext db) : ICommandHandler<PlantedLambdaSave, int>
{
    public async ValueTask<int> Handle(PlantedLambdaSave command, CancellationToken ct)
    {
        Func<Task<int>> later = () => db.SaveChangesAsync(ct);
        return await later();
    }
}

internal sealed record PlantedIdleMark : ICommand<int>, ISavesItself;

internal sealed class PlantedIdleMarkHandler : ICommandHandler<PlantedIdleMark, int>
{
    public ValueTask<int> Handle(PlantedIdleMark command, CancellationToken ct) => ValueTask.FromResult(0);
}

/// <summary>Marked and saving: what the rule allows.</summary>
internal sealed record PlantedMarkedSave : ICommand<int>, ISavesItself;

internal sealed class PlantedMarkedSaveHandler(PlantedDbContext db) : ICommandHandler<PlantedMarkedSave, int>
{
    public async ValueTask<int> Handle(PlantedMarkedSave command, CancellationToken ct) => await db.SaveChangesAsync(ct);
}

/// <summary>Unmarked and leaving the save to the behavior: what the rule allows.</summary>
internal sealed record PlantedQuiet : ICommand<int>;

internal sealed class PlantedQuietHandler(PlantedDbContext db) : ICommandHandler<PlantedQuiet, int>
{
    public ValueTask<int> Handle(PlantedQuiet command, CancellationToken ct) => ValueTask.FromResult(db.ChangeTracker.Entries().Count());
}
