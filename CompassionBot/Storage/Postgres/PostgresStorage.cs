using CompassionBot.Dialogs.State;
using Npgsql;
using NpgsqlTypes;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// <see cref="IStorage"/> on a shared PostgreSQL database, outside a turn's lease (a turn's own state goes through
/// <see cref="PostgresTurn"/>). The ETag check is part of the write statement, so two instances writing the same
/// conversation cannot both win: the loser gets <see cref="StorageConcurrencyException"/> and its turn is retried from
/// fresh state. A batch of changes is one statement (<see cref="PostgresStateWrite"/>): all of it is written or none.
/// </summary>
internal sealed class PostgresStorage(PostgresDatabase database, TimeProvider timeProvider) : IStorage
{
    private readonly ETagSource _etagSource = new();

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var read = new PostgresStateRead(keys);
        if (keys.Count == 0)
        {
            return read.Items;
        }

        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { read.Command } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await read.CollectAsync(reader, cancellationToken).ConfigureAwait(false);
        return read.Items;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ETagRules.ValidateChanges(changes);
        if (changes.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var write = new PostgresStateWrite(changes, _etagSource, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        await using var connection = await database.OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { write.Command } };
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await write.CompleteAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (PostgresStateWrite.IsConflict(ex))
        {
            throw write.Conflict(ex);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { Delete(keys) } };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the documents of <paramref name="keys"/> that exist, as one statement of a batch.</summary>
    public static NpgsqlBatchCommand Delete(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var command = new NpgsqlBatchCommand("DELETE FROM bot_state WHERE key = ANY(@keys);");
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys] });
        return command;
    }
}
