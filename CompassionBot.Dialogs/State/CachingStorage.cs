using System.Collections.Concurrent;

namespace CompassionBot.Dialogs.State;

/// <summary>
/// Keeps the documents this process read, moved forward by its own writes, with their ETags, in front of a durable
/// <see cref="IStorage"/>, so a turn reads its state from memory instead of the database. Every write still goes to the inner store, whose
/// ETag check stays the guard: a document changed behind this cache (by another process sharing the store) makes the
/// next write of it fail with <see cref="StorageConcurrencyException"/>, which evicts it, and the turn runs again on
/// what the store holds (see <c>BotAdapter</c>). A stale entry therefore costs a repeated turn, never a lost update.
/// That a document does not exist is remembered too (a create then fails the same way if another process made it).
/// </summary>
/// <remarks>
/// Meant for a store one process mostly owns (the embedded SQLite file). Where several instances share a database
/// and take turns on the same conversations (PostgreSQL behind a load balancer), most entries would be stale; do not
/// use it there. Bounded: when <see cref="Capacity"/> documents are held, the cache starts over, which only costs
/// each active conversation one read.
/// </remarks>
public sealed class CachingStorage : IStorage
{
    private readonly IStorage _inner;
    // Stands for "the store has no such document": a user's profile is only written when it changes, so without
    // this most turns would ask the store for it.
    private static readonly StoreItem Absent = new(string.Empty, null);

    private readonly ConcurrentDictionary<string, StoreItem> _items = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock of the dictionary; this count is kept alongside instead (it may
    // run a few entries off under races, which only moves the moment the cache starts over).
    private int _count;

    /// <summary>Caches up to <paramref name="capacity"/> documents of <paramref name="inner"/>.</summary>
    public CachingStorage(IStorage inner, int capacity)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner;
        Capacity = capacity;
    }

    /// <summary>The most documents held at once.</summary>
    public int Capacity { get; }

    /// <summary>Documents held now (for tests).</summary>
    public int Count => _items.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var item))
            {
                if (!ReferenceEquals(item, Absent))
                {
                    result[key] = item;
                }
            }
            else
            {
                (missing ??= new List<string>(keys.Count)).Add(key);
            }
        }

        if (missing is null)
        {
            return result;
        }

        var loaded = await _inner.ReadAsync(missing, cancellationToken).ConfigureAwait(false);
        foreach (var key in missing)
        {
            // A write that finished meanwhile has put a newer version here; keep that one.
            if (loaded.TryGetValue(key, out var item))
            {
                result[key] = item;
                Remember(key, item);
            }
            else
            {
                Remember(key, Absent);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        IReadOnlyDictionary<string, string> etags;
        try
        {
            etags = await _inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A conflict means some entry is stale; any other failure leaves the outcome unknown. Either way the
            // next read of these keys goes to the store.
            Forget(changes.Keys);
            throw;
        }

        foreach (var (key, change) in changes)
        {
            Advance(key, change.ETag, new StoreItem(change.Json, etags[key]));
        }

        return etags;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Like a write, a delete moves only the entry it found: it may return after the key was written again (a new first
    /// message right after "forget me"), and that newer entry must not be called gone. Anything else is forgotten.
    /// </remarks>
    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = keys.Select(key => (Key: key, Item: _items.TryGetValue(key, out var item) ? item : null)).ToList();
        try
        {
            await _inner.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Forget(keys);
            throw;
        }

        foreach (var (key, item) in found)
        {
            if (item is null || !_items.TryUpdate(key, Absent, item))
            {
                Forget([key]);
            }
        }
    }

    private void Remember(string key, StoreItem item)
    {
        if (Volatile.Read(ref _count) >= Capacity && !_items.ContainsKey(key))
        {
            _items.Clear();
            Volatile.Write(ref _count, 0);
        }

        if (_items.TryAdd(key, item))
        {
            Interlocked.Increment(ref _count);
        }
    }

    // Writes finish out of order (a group commit resumes its callers in any order), so an entry moves forward only from
    // exactly the version this write replaced, which a turn has read (and so put here) before writing. Anything else
    // there is newer (kept) or a stale read that fails its own write and is forgotten then. A key not held is left
    // out: its next read goes to the store. An overwrite ("*") cannot be ordered, so it is forgotten.
    private void Advance(string key, string? replacedETag, StoreItem written)
    {
        if (string.Equals(replacedETag, StoreItem.AnyETag, StringComparison.Ordinal))
        {
            Forget([key]);
            return;
        }

        if (_items.TryGetValue(key, out var current) &&
            (ReferenceEquals(current, Absent) ? replacedETag is null : string.Equals(current.ETag, replacedETag, StringComparison.Ordinal)))
        {
            _items.TryUpdate(key, written, current);
        }
    }

    private void Forget(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (_items.TryRemove(key, out _))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
