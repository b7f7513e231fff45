using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>Ready only when the job storage answers: an API that cannot enqueue cannot start corroboration.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            connection.GetAllItemsFromSet("recurring-jobs"); // a cheap round trip to the storage
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage is unreachable.", ex));
        }
    }
}
