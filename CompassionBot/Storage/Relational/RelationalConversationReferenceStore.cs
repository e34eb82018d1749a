using System.Collections.Concurrent;
using System.Text.Json;
using CompassionBot.BotFramework;
using Dapper;

namespace CompassionBot.Storage.Relational;

/// <summary>
/// Conversation references in the clinic's database (migration 0006), on SQLite or PostgreSQL, so proactive messages
/// survive restarts and any instance can send them.
/// </summary>
/// <remarks>
/// A reference is saved on every inbound activity, but it rarely changes within a conversation: a reference unchanged
/// except for its <c>activityId</c> that this instance wrote less than <see cref="RefreshInterval"/> ago is not written again, so a turn does not pay a
/// database write for it. <c>updated_at</c> therefore means "last seen", to within that interval.
/// </remarks>
internal sealed class RelationalConversationReferenceStore(IRelationalDatabase database, TimeProvider timeProvider) : IConversationReferenceStore
{
    /// <summary>How stale <c>updated_at</c> may get for an unchanged reference.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);

    // Bounded: cleared when full, which only costs the next save of each conversation one write.
    private const int MaxRemembered = 50_000;
    private readonly ConcurrentDictionary<(string ChannelId, string ConversationId), Written> _written = new();

    // A newer reference keeps the last delivery outcome recorded for the conversation.
    private const string Upsert =
        "INSERT INTO conversation_references (channel_id, conversation_id, reference, service_url_verified, updated_at) " +
        "VALUES (@channelId, @conversationId, @reference, @verified, @updatedAt) " +
        "ON CONFLICT (channel_id, conversation_id) DO UPDATE SET reference = excluded.reference, " +
        "service_url_verified = excluded.service_url_verified, updated_at = excluded.updated_at;";

    public async Task SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var channelId = reference.Reference.ChannelId ?? throw new ArgumentException("The reference has no channelId.", nameof(reference));
        var conversationId = reference.Reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation.id.", nameof(reference));
        var key = (channelId, conversationId);
        var now = timeProvider.GetUtcNow();

        // The inbound activity's id changes every turn but is not needed to reach the conversation later, so it does not
        // count as a change on its own.
        var identity = JsonSerializer.Serialize(reference.Reference with { ActivityId = null }, BotFrameworkJsonContext.Default.ConversationReference);
        if (_written.TryGetValue(key, out var last) && last.Identity == identity && last.Verified == reference.ServiceUrlVerified && now - last.At < RefreshInterval)
        {
            return;
        }

        var json = JsonSerializer.Serialize(reference.Reference, BotFrameworkJsonContext.Default.ConversationReference);
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            Upsert,
            new
            {
                channelId,
                conversationId,
                reference = json,
                verified = reference.ServiceUrlVerified ? 1L : 0L,
                updatedAt = reference.UpdatedAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (_written.Count >= MaxRemembered)
        {
            _written.Clear();
        }

        _written[key] = new Written(identity, reference.ServiceUrlVerified, now);
    }

    private sealed record Written(string Identity, bool Verified, DateTimeOffset At);

    public async Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ReferenceRow>(new CommandDefinition(
            "SELECT reference, service_url_verified, updated_at FROM conversation_references " +
            "WHERE channel_id = @channelId AND conversation_id = @conversationId;",
            new { channelId, conversationId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null
            ? null
            : new StoredConversationReference(
                JsonSerializer.Deserialize(row.Reference, BotFrameworkJsonContext.Default.ConversationReference)!,
                row.ServiceUrlVerified != 0,
                DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));
    }

    private sealed record ReferenceRow
    {
        public required string Reference { get; init; }

        public long ServiceUrlVerified { get; init; }

        public long UpdatedAt { get; init; }
    }
}
