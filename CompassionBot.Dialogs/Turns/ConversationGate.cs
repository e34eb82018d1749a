namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// Lets one turn at a time run per conversation in this process. Across processes the state store's ETag check is
/// the guard (see <see cref="BotAdapter"/>).
/// </summary>
public sealed class ConversationGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Waits for the conversation's turn; dispose the result to let the next turn in.</summary>
    public async Task<IDisposable> EnterAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        Entry entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(conversationKey, out entry!))
            {
                entry = new Entry();
                _entries[conversationKey] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(conversationKey, entry, entered: false);
            throw;
        }

        return new Lease(this, conversationKey, entry);
    }

    /// <summary>Number of conversations with a turn running or waiting (for tests and metrics).</summary>
    public int ActiveConversations
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    private void Release(string key, Entry entry, bool entered)
    {
        if (entered)
        {
            entry.Semaphore.Release();
        }

        lock (_lock)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(ConversationGate gate, string key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release(key, entry, entered: true);
            }
        }
    }
}
