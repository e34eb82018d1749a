using CompassionBot.Dialogs.State;
using Npgsql;
using NpgsqlTypes;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// <see cref="IStorage"/> on a shared PostgreSQL database. The ETag check is part of each write statement, so two
/// instances writing the same conversation cannot both win: the loser gets <see cref="StorageConcurrencyException"/>
/// and its turn is retried from fresh state. A batch of changes is one transaction, sent in one round trip.
/// </summary>
internal sealed class PostgresStorage(PostgresDatabase database, TimeProvider timeProvider) : IStorage
{
    private const string SelectSql = "SELECT key, json, etag FROM bot_state WHERE key = ANY(@keys);";

    private const string CreateSql =
        "INSERT INTO bot_state (key, json, etag, updated_at) VALUES (@key, @json, @etag, @now) ON CONFLICT (key) DO NOTHING;";

    private const string OverwriteSql =
        "INSERT INTO bot_state (key, json, etag, updated_at) VALUES (@key, @json, @etag, @now) " +
        "ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at;";

    private const string ReplaceSql =
        "UPDATE bot_state SET json = @json, etag = @etag, updated_at = @now WHERE key = @key AND etag = @expected;";

    private readonly ETagSource _etagSource = new();

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(SelectSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = new StoreItem(reader.GetString(1), reader.GetString(2));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ETagRules.ValidateChanges(changes);

        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return etags;
        }

        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenRawAsync(cancellationToken).ConfigureAwait(false);

        // One statement is atomic by itself; several need a transaction we can roll back when one expectation fails.
        await using var transaction = changes.Count > 1 ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        await using var batch = new NpgsqlBatch(connection, transaction);
        var keys = new List<string>(changes.Count);
        foreach (var (key, change) in changes)
        {
            var etag = _etagSource.Next();
            etags[key] = etag;
            keys.Add(key);
            batch.BatchCommands.Add(WriteCommand(key, change, etag, now));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < keys.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected != 1)
            {
                if (transaction is not null)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }

                throw new StorageConcurrencyException(keys[i]);
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return etags;
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
        await using var command = new NpgsqlCommand("DELETE FROM bot_state WHERE key = ANY(@keys);", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand WriteCommand(string key, StoreItem change, string etag, long now)
    {
        var command = new NpgsqlBatchCommand(change.ETag switch
        {
            null => CreateSql,
            StoreItem.AnyETag => OverwriteSql,
            _ => ReplaceSql,
        });
        command.Parameters.Add(new NpgsqlParameter<string>("key", NpgsqlDbType.Text) { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<string>("json", NpgsqlDbType.Text) { TypedValue = change.Json });
        command.Parameters.Add(new NpgsqlParameter<string>("etag", NpgsqlDbType.Text) { TypedValue = etag });
        command.Parameters.Add(new NpgsqlParameter<long>("now", NpgsqlDbType.Bigint) { TypedValue = now });
        if (change.ETag is { } expected && expected != StoreItem.AnyETag)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("expected", NpgsqlDbType.Text) { TypedValue = expected });
        }

        return command;
    }
}
