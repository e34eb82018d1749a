using CompassionBot.Dialogs.State;
using CompassionBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompassionBot.Operations;

/// <summary>
/// Readiness of the configured store (<see cref="IStorageReadiness"/>) as a health check, and whether it takes writes:
/// not ready from a write that failed (<see cref="StorageWriteHealth"/>) until one succeeds. Only while writes fail does
/// a probe write (<see cref="StorageWriteProbe"/>) to find out; while they work the check writes nothing.
/// </summary>
internal sealed class StorageHealthCheck(IStorageReadiness readiness, StorageWriteHealth writes, StorageWriteProbe probe) : IHealthCheck
{
    /// <summary>The check's name in <c>/readyz</c>.</summary>
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await readiness.CheckAsync(cancellationToken).ConfigureAwait(false);
        var writable = !writes.Failing || (result.IsReady && await probe.TryWriteAsync(cancellationToken).ConfigureAwait(false));
        var data = new Dictionary<string, object>
        {
            ["reachable"] = result.Reachable,
            ["writable"] = writable,
            ["schemaVersion"] = result.SchemaVersion,
            ["expectedVersion"] = result.ExpectedVersion,
        };
        return !result.IsReady ? HealthCheckResult.Unhealthy(result.Reason ?? StorageReadiness.Unreachable, data: data)
            : !writable ? HealthCheckResult.Unhealthy(StorageReadiness.WritesFailing, data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}
