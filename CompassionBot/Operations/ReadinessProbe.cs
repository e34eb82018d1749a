using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CompassionBot.Operations;

/// <summary>
/// The readiness report <c>/readyz</c> serves: evaluated by one caller at a time (requests that arrive meanwhile share
/// that evaluation) and reused for <see cref="OperationsOptions.ReadinessCacheDuration"/>, so a flood of probes costs
/// about one evaluation per period. It is evaluated afresh when a turn has changed what readiness depends on (writes
/// began failing or recovered, the screening degraded or recovered), and on every request while writes fail, because
/// the storage check's probe write is what finds the recovery.
/// </summary>
internal sealed class ReadinessProbe(
    HealthCheckService healthChecks,
    StorageWriteHealth writes,
    ScreeningHealth screening,
    IOptions<OperationsOptions> options,
    TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task<Snapshot>? _current;

    /// <summary>The report, fresh or reused.</summary>
    public async Task<HealthReport> GetAsync(CancellationToken cancellationToken)
    {
        Task<Snapshot> evaluation;
        lock (_gate)
        {
            if (_current is null || (_current.IsCompleted && !Reusable(_current)))
            {
                _current = EvaluateAsync();
            }

            evaluation = _current;
        }

        var snapshot = await evaluation.WaitAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Report;
    }

    private bool Reusable(Task<Snapshot> completed)
    {
        if (!completed.IsCompletedSuccessfully)
        {
            return false;
        }

        var snapshot = completed.Result;
        return !writes.Failing
            && snapshot.Signals == Signals()
            && time.GetUtcNow() - snapshot.At < options.Value.ReadinessCacheDuration;
    }

    // Not tied to any one request: a caller that gives up must not cancel the others' answer.
    private async Task<Snapshot> EvaluateAsync()
    {
        var signals = Signals();
        var report = await healthChecks.CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready), CancellationToken.None).ConfigureAwait(false);
        return new Snapshot(report, time.GetUtcNow(), signals);
    }

    private (bool WritesFailing, bool ScreeningDegraded) Signals() => (writes.Failing, screening.Degraded);

    private sealed record Snapshot(HealthReport Report, DateTimeOffset At, (bool WritesFailing, bool ScreeningDegraded) Signals);
}
