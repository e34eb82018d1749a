using CompassionBot.Dialogs.State;
using Npgsql;
using NpgsqlTypes;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// An ETag-checked write of several bot-state documents as one statement of a batch (<c>bot_state_write</c>,
/// migration 0018): all of them or none.
/// </summary>
internal sealed class PostgresStateWrite
{
    private readonly string[] _keys;
    private readonly Dictionary<string, string> _etags;

    /// <summary>Prepares <paramref name="changes"/>, each with a new ETag from <paramref name="etagSource"/>.</summary>
    public PostgresStateWrite(IReadOnlyDictionary<string, StoreItem> changes, ETagSource etagSource, long nowUnixMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(etagSource);
        _keys = [.. changes.Keys];
        _etags = _keys.ToDictionary(key => key, _ => etagSource.Next(), StringComparer.Ordinal);
        Command = new NpgsqlBatchCommand("SELECT bot_state_write(@keys, @jsons, @etags, @expected, @now);");
        Command.Parameters.Add(Texts("keys", _keys));
        Command.Parameters.Add(Texts("jsons", [.. _keys.Select(key => changes[key].Json)]));
        Command.Parameters.Add(Texts("etags", [.. _keys.Select(key => _etags[key])]));
        Command.Parameters.Add(Texts("expected", [.. _keys.Select(key => changes[key].ETag)]));
        Command.Parameters.Add(new NpgsqlParameter<long>("now", NpgsqlDbType.Bigint) { TypedValue = nowUnixMilliseconds });
    }

    /// <summary>The statement to add to the batch; its one value is 0, or the position of the first failed expectation.</summary>
    public NpgsqlBatchCommand Command { get; }

    /// <summary>Reads the outcome of <see cref="Command"/>, on which <paramref name="reader"/> is positioned.</summary>
    /// <returns>The new ETag of each document.</returns>
    /// <exception cref="StorageConcurrencyException">An expectation failed; nothing was written.</exception>
    public async Task<IReadOnlyDictionary<string, string>> CompleteAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var failed = reader.GetInt32(0);
        return failed == 0 ? _etags : throw new StorageConcurrencyException(_keys[failed - 1]);
    }

    private static NpgsqlParameter<string?[]> Texts(string name, string?[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values };
}
