namespace CompassionBot.Safety.Alerts;

/// <summary>Wakes the alert dispatcher as soon as an alert is queued in this process (other instances find it by polling).</summary>
internal sealed class CrisisAlertSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Says that an alert is waiting.</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up delivers everything that is due.
        }
    }

    /// <summary>Waits for <see cref="Notify"/> or until <paramref name="timeout"/> (on <paramref name="time"/>) has passed.</summary>
    /// <returns>True when signalled.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _pending.WaitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _pending.Dispose();
}
