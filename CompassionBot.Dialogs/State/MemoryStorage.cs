using System.Globalization;

namespace CompassionBot.Dialogs.State;

/// <summary>In-process <see cref="IStorage"/> for tests and the benchmark baseline; nothing survives a restart.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StoreItem> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _version;

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var item))
                {
                    result[key] = item;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var (key, change) in changes)
            {
                _items.TryGetValue(key, out var current);
                if (!ETagRules.Accepts(change.ETag, current?.ETag))
                {
                    throw new StorageConcurrencyException(key);
                }
            }

            foreach (var (key, change) in changes)
            {
                var etag = (++_version).ToString(CultureInfo.InvariantCulture);
                _items[key] = new StoreItem(change.Json, etag);
                etags[key] = etag;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}
