using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

// Planted where the placement rules look in this assembly: proof that they fail when infrastructure is put back.
namespace ClaimDesk.Architecture.Tests.Planted.Features;

/// <summary>A background pump, as it would look put back among the use cases.</summary>
internal sealed class ArticlePump : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}

/// <summary>A cache, likewise: state shared across requests.</summary>
internal sealed class OutletCache
{
    private readonly ConcurrentDictionary<long, string> _names = new();

    public string? NameOf(long outletId) => _names.TryGetValue(outletId, out var name) ? name : null;
}

/// <summary>A use case as it should be: left alone by both rules.</summary>
internal sealed record ListOutletNames(int Page);
