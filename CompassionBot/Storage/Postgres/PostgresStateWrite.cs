using CompassionBot.Dialogs.State;
using Npgsql;
using NpgsqlTypes;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// An ETag-checked write of several bot-state documents as one statement of a batch (<c>bot_state_write</c>,
/// migrations 0018 and 0025): all of them or none. A failed expectation aborts the statement and the transaction it
/// runs in (<see cref="IsConflict"/>), so a batch's later statements do not run.
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

    // The SQLSTATE bot_state_write raises when an expectation fails; its message ends with the document's position.
    private const string ExpectationFailed = "CB409";

    /// <summary>The statement to add to the batch.</summary>
    public NpgsqlBatchCommand Command { get; }

    /// <summary>Reads the outcome of <see cref="Command"/>, on which <paramref name="reader"/> is positioned.</summary>
    /// <returns>The new ETag of each document.</returns>
    public async Task<IReadOnlyDictionary<string, string>> CompleteAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return _etags;
    }

    /// <summary>Whether <paramref name="exception"/> is this write's failed expectation: nothing was written.</summary>
    public static bool IsConflict(PostgresException exception) =>
        exception is { SqlState: ExpectationFailed };

    /// <summary>The <see cref="StorageConcurrencyException"/> for a failed expectation (<see cref="IsConflict"/>),
    /// naming the first document whose expectation failed.</summary>
    public StorageConcurrencyException Conflict(PostgresException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.MessageText;
        var position = int.TryParse(text.AsSpan(text.LastIndexOf(' ') + 1), out var found) && found >= 1 && found <= _keys.Length ? found : 1;
        return new StorageConcurrencyException(_keys[position - 1]);
    }

    private static NpgsqlParameter<string?[]> Texts(string name, string?[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values };
}
