using ClaimDesk.Core.Features.Maintenance;
using ClaimDesk.Core.Jobs;
using Hangfire;
using Mediator;

namespace ClaimDesk.Api.Infrastructure;

public static class RecoverySweep
{
    public const string RecurringJobId = "recover-stalled-work";

    /// <summary>
    /// In processes that run jobs: sweep once now (the in-memory job storage starts empty after a restart) and every
    /// minute after, for work whose job was lost.
    /// </summary>
    public static async Task StartAsync(WebApplication app)
    {
        if (HangfireSetup.RoleFrom(app.Configuration) == ProcessRole.Api) return;
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<ClaimDeskJobs>(RecurringJobId, j => j.RecoverStalledWork(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<ClaimDeskJobs>("poll-feeds", j => j.PollFeeds(CancellationToken.None),
                app.Configuration["ClaimDesk:Feeds:PollCron"] ?? "*/15 * * * *");
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecoverStalledWork(TimeSpan.Zero));
    }
}
