using CompassionBot.Dialogs.State;
using Npgsql;
using NpgsqlTypes;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// An ETag-checked write of several bot-state documents as one statement of a batch (<c>bot_state_write</c>,
/// migrations 0018 and 0025): all of them or none. A failed expectation aborts the statement and the transaction it
/// runs in (<see cref="IsConflict"/>), so a batch's later statements do not run. A write guarded by a conversation's
/// lock key writes only when no other turn holds that lock, and otherwise nothing (<see cref="CompleteAsync"/> throws).
/// </summary>
internal sealed class PostgresStateWrite
{
    private readonly string[] _keys;
    private readonly Dictionary<string, string> _etags;

    private const string Write = "bot_state_write(@keys, @jsons, @etags, @expected, @now)";

    // CASE runs the write only when the lock was free: it is then held until the statement's transaction ends.
    private const string WriteUnlessHeld = "CASE WHEN pg_try_advisory_xact_lock(@lock) THEN " + Write + " ELSE " + HeldElsewhere + " END";

    // What the guarded statement returns when another turn holds the lock (bot_state_write returns 0).
    private const string HeldElsewhere = "-1";

    private readonly string? _guard;

    /// <summary>Prepares <paramref name="changes"/>, each with a new ETag from <paramref name="etagSource"/>.</summary>
    /// <param name="changes">The documents to write, with the ETags they are expected to have.</param>
    /// <param name="etagSource">Where the new ETags come from.</param>
    /// <param name="nowUnixMilliseconds">The documents' <c>updated_at</c>.</param>
    /// <param name="guard">
    /// Null, or the conversation whose advisory lock (<see cref="PostgresConversationLock.LockKeyOf"/>) must be free for
    /// the write to happen; the statement then holds it until it commits.
    /// </param>
    public PostgresStateWrite(IReadOnlyDictionary<string, StoreItem> changes, ETagSource etagSource, long nowUnixMilliseconds, string? guard = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(etagSource);
        _keys = [.. changes.Keys];
        _etags = _keys.ToDictionary(key => key, _ => etagSource.Next(), StringComparer.Ordinal);
        _guard = guard;
        Command = new NpgsqlBatchCommand($"SELECT {(guard is null ? Write : WriteUnlessHeld)};");
        if (guard is not null)
        {
            Command.Parameters.Add(new NpgsqlParameter<long>("lock", NpgsqlDbType.Bigint) { TypedValue = PostgresConversationLock.LockKeyOf(guard) });
        }

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
    /// <exception cref="StorageConcurrencyException">The write was guarded and another turn held the lock: nothing was written.</exception>
    public async Task<IReadOnlyDictionary<string, string>> CompleteAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (_guard is not null && reader.GetInt32(0) < 0)
        {
            throw new StorageConcurrencyException(_guard);
        }

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
