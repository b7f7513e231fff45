using ClaimDesk.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Core.Infrastructure.Claims;

/// <summary>
/// Newly registered claims whose corroboration is due, handed to Hangfire as one job per <see cref="Window"/> instead of
/// one per commit: under load the registration writer commits hundreds of times a second, and a Hangfire enqueue costs
/// more than a whole batch's inserts. A claim waits at most the window before its job exists (gathering itself takes far
/// longer); if the process dies in between, the recovery sweep finds the claim still `registered` and queues it.
/// </summary>
public sealed class CorroborationRequests(IServiceScopeFactory scopes, ILogger<CorroborationRequests> logger) : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private List<long> _due = [];

    public void Add(IReadOnlyList<long> claimIds)
    {
        lock (_gate) _due.AddRange(claimIds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Window);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) Flush();
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last flush is in StopAsync, after the registration writer has drained.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Flush();
    }

    private void Flush()
    {
        List<long> due;
        lock (_gate)
        {
            if (_due.Count == 0) return;
            (due, _due) = (_due, []);
        }
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<IJobScheduler>().GatherCorroboration(due);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not queue corroboration for {Count} claims; the recovery sweep will", due.Count);
        }
    }
}
