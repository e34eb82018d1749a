using CompassionBot.Dialogs.State;

namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// Lets one turn at a time run per conversation in this process and, with an <see cref="IConversationLock"/>, one at a
/// time commit across the instances sharing the database. Without one, the state store's ETag check is the guard
/// across processes (see <see cref="BotAdapter"/>).
/// </summary>
/// <param name="crossInstance">The cross-instance lock, taken after the in-process gate; null for none.</param>
public sealed class ConversationGate(IConversationLock? crossInstance = null)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Waits for the conversation's turn; dispose the result to let the next turn in.</summary>
    public async Task<IConversationLease> EnterAsync(string conversationKey, CancellationToken cancellationToken)
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

        IConversationLease? shared = null;
        if (crossInstance is not null)
        {
            try
            {
                shared = await crossInstance.AcquireAsync(conversationKey, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Release(conversationKey, entry, entered: true);
                throw;
            }
        }

        return new Lease(this, conversationKey, entry, shared);
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

    private sealed class Lease(ConversationGate gate, string key, Entry entry, IConversationLease? shared) : IConversationLease
    {
        private int _disposed;

        public IStorage? Storage => shared?.Storage;

        public Task HoldAsync(CancellationToken cancellationToken) => shared?.HoldAsync(cancellationToken) ?? Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                try
                {
                    if (shared is not null)
                    {
                        await shared.DisposeAsync().ConfigureAwait(false);
                    }
                }
                finally
                {
                    gate.Release(key, entry, entered: true);
                }
            }
        }
    }
}
