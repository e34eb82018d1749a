using CompassionBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompassionBot.Operations;

/// <summary>Readiness of the configured store (<see cref="IStorageReadiness"/>) as a health check.</summary>
internal sealed class StorageHealthCheck(IStorageReadiness readiness) : IHealthCheck
{
    /// <summary>The check's name in <c>/readyz</c>.</summary>
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await readiness.CheckAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["reachable"] = result.Reachable,
            ["schemaVersion"] = result.SchemaVersion,
            ["expectedVersion"] = result.ExpectedVersion,
        };
        return result.IsReady
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Unhealthy(result.Reason ?? StorageReadiness.Unreachable, data: data);
    }
}
