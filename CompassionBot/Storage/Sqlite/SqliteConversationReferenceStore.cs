using System.Text.Json;
using CompassionBot.BotFramework;

namespace CompassionBot.Storage.Sqlite;

/// <summary>Conversation references in the SQLite file (migration 0006), so proactive messages survive restarts.</summary>
internal sealed class SqliteConversationReferenceStore(SqliteDatabase database) : IConversationReferenceStore
{
    public async Task SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var channelId = reference.Reference.ChannelId ?? throw new ArgumentException("The reference has no channelId.", nameof(reference));
        var conversationId = reference.Reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation.id.", nameof(reference));
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        // A newer reference keeps the last delivery outcome recorded for the conversation.
        command.CommandText =
            "INSERT INTO conversation_references (channel_id, conversation_id, reference, service_url_verified, updated_at) " +
            "VALUES ($channel_id, $conversation_id, $reference, $verified, $updated_at) " +
            "ON CONFLICT (channel_id, conversation_id) DO UPDATE SET reference = excluded.reference, " +
            "service_url_verified = excluded.service_url_verified, updated_at = excluded.updated_at;";
        command.Parameters.AddWithValue("$channel_id", channelId);
        command.Parameters.AddWithValue("$conversation_id", conversationId);
        command.Parameters.AddWithValue("$reference", JsonSerializer.Serialize(reference.Reference, BotFrameworkJsonContext.Default.ConversationReference));
        command.Parameters.AddWithValue("$verified", reference.ServiceUrlVerified ? 1 : 0);
        command.Parameters.AddWithValue("$updated_at", reference.UpdatedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
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
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE conversation_references SET last_delivery = $delivery WHERE channel_id = $channel_id AND conversation_id = $conversation_id;";
        command.Parameters.AddWithValue("$delivery", JsonSerializer.Serialize(delivery, BotFrameworkJsonContext.Default.ProactiveDelivery));
        command.Parameters.AddWithValue("$channel_id", channelId);
        command.Parameters.AddWithValue("$conversation_id", conversationId);
        command.ExecuteNonQuery();
    }
}
