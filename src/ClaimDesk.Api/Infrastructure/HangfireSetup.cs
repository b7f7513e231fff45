using ClaimDesk.Core.Data;
using ClaimDesk.Core.Jobs;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>Process roles: the same image serves HTTP, runs jobs, or both.</summary>
public enum ProcessRole { All, Api, Worker }

public static class HangfireSetup
{
    public static ProcessRole RoleFrom(IConfiguration configuration) =>
        Enum.TryParse<ProcessRole>(configuration["ClaimDesk:Role"], ignoreCase: true, out var role) ? role : ProcessRole.All;

    public static IServiceCollection AddClaimDeskJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = Core.DependencyInjection.DatabaseProviderFrom(configuration);
        // This host's own storage instance, registered before AddHangfire (which only falls back to the process-wide
        // JobStorage.Current): two hosts in one process (tests) then never enqueue into each other's queues.
        // Created when first resolved, once this host's logging is in place (Hangfire logs through a global provider).
        services.AddSingleton<JobStorage>(_ => provider == DatabaseProvider.SqlServer
            ? new SqlServerStorage(configuration.GetConnectionString(DatabaseDefaults.ConnectionStringName),
                new SqlServerStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) })
            // Embedded default: jobs live in memory; the recovery sweep re-finds work a restart loses.
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>())
            .UseFilter(new JobMetricsFilter()));

        if (RoleFrom(configuration) != ProcessRole.Api)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = configuration.GetValue("ClaimDesk:Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                options.Queues = (configuration["ClaimDesk:Jobs:Queues"] ?? ClaimDeskJobs.DefaultQueues).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }
        services.AddScoped<IJobScheduler, HangfireJobScheduler>();
        services.AddScoped<ClaimDeskJobs>();
        return services;
    }
}

public static class JobDashboard
{
    public const string Path = "/hangfire";

    /// <summary>The job dashboard, for admins (401 without a key, 403 with another role).</summary>
    public static void MapJobDashboard(this WebApplication app)
    {
        // Hangfire's stats endpoint reads a form whatever the request: on a GET (or a POST of anything but a form)
        // ASP.NET Core throws "Incorrect Content-Type" and the dashboard answered 500. Such a request carries no form,
        // so it is given an empty one to read.
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path) && !c.Request.HasFormContentType, branch => branch.Use((c, next) =>
        {
            c.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            return next(c);
        }));
        app.MapHangfireDashboard(Path, new DashboardOptions { AsyncAuthorization = [new AdminDashboardAuthorization()] }).AllowAnonymous();
    }
}

/// <summary>
/// The job dashboard is for admins: an admin API key (Authorization: Bearer), or an admin's console session, so a
/// browser opens it from the console without a header.
/// </summary>
public sealed class AdminDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        foreach (var scheme in new[] { ApiKeyAuthenticationHandler.SchemeName, WebConsole.ConsoleSetup.Scheme })
        {
            var result = await http.AuthenticateAsync(scheme);
            if (result.Succeeded) return result.Principal.IsInRole(nameof(Core.Domain.Role.Admin));
        }
        return false;
    }
}
