using ClaimDesk.Core.Data;
using ClaimDesk.Core.Jobs;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Authentication;

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
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (provider == DatabaseProvider.SqlServer)
                config.UseSqlServerStorage(configuration.GetConnectionString(DatabaseDefaults.ConnectionStringName),
                    new SqlServerStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) });
            else
                // Embedded default: jobs live in memory; the recovery sweep re-finds work a restart loses.
                config.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });
        });

        if (RoleFrom(configuration) != ProcessRole.Api)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = configuration.GetValue("ClaimDesk:Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                options.Queues = (configuration["ClaimDesk:Jobs:Queues"] ?? "default").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }
        services.AddScoped<IJobScheduler, HangfireJobScheduler>();
        services.AddScoped<ClaimDeskJobs>();
        return services;
    }
}

/// <summary>The job dashboard is for admins: it authenticates the request with the API key scheme.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var result = await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        return result.Succeeded && result.Principal.IsInRole(nameof(Core.Domain.Role.Admin));
    }
}
