namespace CompassionBot.Dialogs.State;

/// <summary>
/// Whether the store currently takes writes, as the last write says: a write that fails (disk full, database down)
/// sets <see cref="Failing"/>, the next that succeeds clears it. A conflict (<see cref="StorageConcurrencyException"/>)
/// is no failure: the store answered. Costs nothing to read, so the readiness probe needs no write while writes work.
/// Thread-safe; one per process.
/// </summary>
public sealed class StorageWriteHealth
{
    private int _failing;

    /// <summary>Raised, on the thread that recorded it, when a write succeeds after writes had failed.</summary>
    public event EventHandler? Recovered;

    /// <summary>True from a failed write until the next successful one.</summary>
    public bool Failing => Volatile.Read(ref _failing) == 1;

    /// <summary>Records a write the store refused.</summary>
    public void RecordFailure() => Volatile.Write(ref _failing, 1);

    /// <summary>Records a write the store took; raises <see cref="Recovered"/> when writes had been failing.</summary>
    public void RecordSuccess()
    {
        if (Interlocked.Exchange(ref _failing, 0) == 1)
        {
            Recovered?.Invoke(this, EventArgs.Empty);
        }
    }
}
