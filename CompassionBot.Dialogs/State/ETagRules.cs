namespace CompassionBot.Dialogs.State;

/// <summary>The one place that decides whether a write's ETag expectation holds (shared by every provider).</summary>
public static class ETagRules
{
    /// <summary>
    /// True when a write expecting <paramref name="expected"/> may replace a document whose ETag is
    /// <paramref name="current"/> (null when the key does not exist).
    /// </summary>
    /// <exception cref="ArgumentException">The expectation is an empty string.</exception>
    public static bool Accepts(string? expected, string? current)
    {
        if (expected is { Length: 0 })
        {
            throw new ArgumentException("An empty ETag is not a valid write expectation.", nameof(expected));
        }

        return expected switch
        {
            StoreItem.AnyETag => true,
            null => current is null,
            _ => string.Equals(expected, current, StringComparison.Ordinal),
        };
    }

    /// <summary>Checks a write's arguments the same way for every provider: no null item, no empty ETag.</summary>
    /// <exception cref="ArgumentNullException">A change is null.</exception>
    /// <exception cref="ArgumentException">A change's ETag is an empty string.</exception>
    public static void ValidateChanges(IReadOnlyDictionary<string, StoreItem> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes.Values)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
            if (change.ETag is { Length: 0 })
            {
                throw new ArgumentException("An empty ETag is not a valid write expectation.", nameof(changes));
            }
        }
    }
}
