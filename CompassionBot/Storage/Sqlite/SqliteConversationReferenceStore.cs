using System.Text.Json;
using CompassionBot.BotFramework;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Storage.Sqlite;

/// <summary>Conversation references in the SQLite file (migration 0006), so proactive messages survive restarts.</summary>
/// <remarks>
/// <see cref="SaveAsync"/> runs on every inbound Bot Framework request, so it keeps one open connection with a prepared
/// upsert (opening a connection parses the schema and runs the pragmas) and takes the database's write lock, so it
/// never waits in SQLite's sleeping busy handler behind a state write.
/// </remarks>
internal sealed class SqliteConversationReferenceStore(SqliteDatabase database) : IConversationReferenceStore, IDisposable
{
    private SqliteConnection? _connection;
    private SqliteCommand? _upsert;
    private bool _disposed;

    public async Task SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var channelId = reference.Reference.ChannelId ?? throw new ArgumentException("The reference has no channelId.", nameof(reference));
        var conversationId = reference.Reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation.id.", nameof(reference));
        var json = JsonSerializer.Serialize(reference.Reference, BotFrameworkJsonContext.Default.ConversationReference);
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await database.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var upsert = Upsert();
            upsert.Parameters[0].Value = channelId;
            upsert.Parameters[1].Value = conversationId;
            upsert.Parameters[2].Value = json;
            upsert.Parameters[3].Value = reference.ServiceUrlVerified ? 1 : 0;
            upsert.Parameters[4].Value = reference.UpdatedAt.ToUnixTimeMilliseconds();
            try
            {
                upsert.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Start over with a fresh connection next time (the statement is atomic: nothing half-written).
                CloseConnection();
                throw;
            }
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public async Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT reference, service_url_verified, updated_at, last_delivery FROM conversation_references " +
            "WHERE channel_id = $channel_id AND conversation_id = $conversation_id;";
        command.Parameters.AddWithValue("$channel_id", channelId);
        command.Parameters.AddWithValue("$conversation_id", conversationId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var reference = JsonSerializer.Deserialize(reader.GetString(0), BotFrameworkJsonContext.Default.ConversationReference)!;
        var delivery = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize(reader.GetString(3), BotFrameworkJsonContext.Default.ProactiveDelivery);
        return new StoredConversationReference(reference, reader.GetInt64(1) != 0, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))) { LastDelivery = delivery };
    }

    public async Task RecordDeliveryAsync(string channelId, string conversationId, ProactiveDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await database.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            RecordDelivery(channelId, conversationId, delivery);
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CloseConnection();
    }

    private void RecordDelivery(string channelId, string conversationId, ProactiveDelivery delivery)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE conversation_references SET last_delivery = $delivery WHERE channel_id = $channel_id AND conversation_id = $conversation_id;";
        command.Parameters.AddWithValue("$delivery", JsonSerializer.Serialize(delivery, BotFrameworkJsonContext.Default.ProactiveDelivery));
        command.Parameters.AddWithValue("$channel_id", channelId);
        command.Parameters.AddWithValue("$conversation_id", conversationId);
        command.ExecuteNonQuery();
    }

    // Under WriteLock.
    private SqliteCommand Upsert()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_upsert is not null)
        {
            return _upsert;
        }

        _connection = database.OpenConnection();
        var command = _connection.CreateCommand();
        // A newer reference keeps the last delivery outcome recorded for the conversation.
        command.CommandText =
            "INSERT INTO conversation_references (channel_id, conversation_id, reference, service_url_verified, updated_at) " +
            "VALUES ($channel_id, $conversation_id, $reference, $verified, $updated_at) " +
            "ON CONFLICT (channel_id, conversation_id) DO UPDATE SET reference = excluded.reference, " +
            "service_url_verified = excluded.service_url_verified, updated_at = excluded.updated_at;";
        command.Parameters.Add("$channel_id", SqliteType.Text);
        command.Parameters.Add("$conversation_id", SqliteType.Text);
        command.Parameters.Add("$reference", SqliteType.Text);
        command.Parameters.Add("$verified", SqliteType.Integer);
        command.Parameters.Add("$updated_at", SqliteType.Integer);
        command.Prepare();
        _upsert = command;
        return command;
    }

    private void CloseConnection()
    {
        _upsert?.Dispose();
        _upsert = null;
        _connection?.Dispose();
        _connection = null;
    }
}
