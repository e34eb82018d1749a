using CompassionBot.Dialogs.Safety;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompassionBot.Operations;

/// <summary>
/// The crisis screen as a readiness check: degraded while its semantic layer is failing (the rules alone screen
/// messages then), with the number of failures since start-up. Degraded keeps <c>/readyz</c> at 200: the service still
/// screens every message and must keep answering people.
/// </summary>
internal sealed class ScreeningHealthCheck(ScreeningHealth health) : IHealthCheck
{
    /// <summary>The check's name in <c>/readyz</c>.</summary>
    public const string Name = "screening";

    /// <summary>The reason given while degraded.</summary>
    public const string RulesOnly = "semantic layer failing; the rules alone are screening";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["modelFailures"] = health.Failures };
        return Task.FromResult(health.Degraded ? HealthCheckResult.Degraded(RulesOnly, data: data) : HealthCheckResult.Healthy(data: data));
    }
}
