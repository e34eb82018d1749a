using CompassionBot.Dialogs.State;
using Npgsql;
using NpgsqlTypes;

namespace CompassionBot.Storage.Postgres;

/// <summary>A read of bot-state documents by key, as one statement of a batch.</summary>
internal sealed class PostgresStateRead
{
    /// <summary>Prepares the read of <paramref name="keys"/>.</summary>
    public PostgresStateRead(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // One parameter per key, not one array: the server's generic plan then knows how many rows to expect and looks
        // each key up in the primary key's index, where for an array of unknown length it builds a bitmap first.
        var names = Enumerable.Range(0, keys.Count).Select(i => $"@k{i}").ToList();
        Command = new NpgsqlBatchCommand($"SELECT key, json, etag FROM bot_state WHERE key = ANY(ARRAY[{string.Join(", ", names)}]::text[]);");
        foreach (var (name, key) in names.Zip(keys))
        {
            Command.Parameters.Add(new NpgsqlParameter<string>(name[1..], NpgsqlDbType.Text) { TypedValue = key });
        }

        Items = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
    }

    /// <summary>The statement to add to the batch.</summary>
    public NpgsqlBatchCommand Command { get; }

    /// <summary>The documents found, once <see cref="CollectAsync"/> has run.</summary>
    public Dictionary<string, StoreItem> Items { get; }

    /// <summary>Reads the rows of <see cref="Command"/>, on which <paramref name="reader"/> is positioned.</summary>
    public async Task CollectAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            Items[reader.GetString(0)] = new StoreItem(reader.GetString(1), reader.GetString(2));
        }
    }
}
