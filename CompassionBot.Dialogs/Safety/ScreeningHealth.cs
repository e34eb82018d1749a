namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Whether the crisis screen is running all its layers: a semantic-layer failure makes it degraded (the rules alone
/// screen that message) until the layer next succeeds. Read by the readiness check. Thread-safe.
/// </summary>
public sealed class ScreeningHealth
{
    private long _failures;
    private long _consecutiveFailures;

    /// <summary>Semantic-layer failures since start-up.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>True while the most recent semantic-layer run failed.</summary>
    public bool Degraded => Interlocked.Read(ref _consecutiveFailures) > 0;

    /// <summary>Records a failed run.</summary>
    public void RecordFailure()
    {
        Interlocked.Increment(ref _failures);
        Interlocked.Increment(ref _consecutiveFailures);
    }

    /// <summary>Records a successful run.</summary>
    public void RecordSuccess()
    {
        if (Interlocked.Read(ref _consecutiveFailures) != 0)
        {
            Interlocked.Exchange(ref _consecutiveFailures, 0);
        }
    }
}
