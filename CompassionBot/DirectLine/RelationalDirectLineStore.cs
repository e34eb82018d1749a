using System.Globalization;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Storage.Relational;
using Dapper;

namespace CompassionBot.DirectLine;

/// <summary>
/// <see cref="IDirectLineStore"/> on the clinic's relational database (SQLite or PostgreSQL; tables from the
/// <c>0005_directline</c> and <c>0019_directline_client_activity_ids</c> migrations).
/// </summary>
/// <remarks>
/// Several instances may append to one conversation at once. An append locks the conversation's row (PostgreSQL:
/// <c>FOR UPDATE</c>; SQLite: the write transaction holds the database's single write lock) before it reads the last
/// watermark, so appends are numbered one after another, and a reader never sees a watermark before the ones below
/// it are committed. The (conversation, watermark) primary key refuses a duplicate even for a conversation that was
/// never created here.
/// </remarks>
internal sealed class RelationalDirectLineStore : IDirectLineStore
{
    private readonly IRelationalDatabase _database;

    public RelationalDirectLineStore(IRelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public async Task CreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var write = await _database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO directline_conversations (id, user_id, created_at, started) VALUES (@id, @user, @created, @started)",
                new
                {
                    id = conversation.Id,
                    user = conversation.UserId,
                    created = conversation.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                    started = conversation.Started ? 1L : 0L,
                },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition(
                "SELECT user_id, created_at, started FROM directline_conversations WHERE id = @id",
                new { id = conversationId },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return row is null
                ? null
                : new DirectLineConversation(conversationId, row.UserId, DateTimeOffset.Parse(row.CreatedAt, CultureInfo.InvariantCulture), row.Started != 0);
        }
    }

    public async Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var write = await _database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            return await write.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE directline_conversations SET started = 1 WHERE id = @id AND started = 0",
                new { id = conversationId },
                cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
        }
    }

    public async Task<IReadOnlyList<StoredActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activities);
        return (await AppendInOrderAsync(conversationId, activities, clientActivityId: null, cancellationToken).ConfigureAwait(false)).Stored;
    }

    public async Task<(StoredActivity Stored, bool Appended)> AppendFromClientAsync(
        string conversationId, Activity activity, string clientActivityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(clientActivityId);
        var (stored, appended) = await AppendInOrderAsync(conversationId, [activity], clientActivityId, cancellationToken).ConfigureAwait(false);
        return (stored[0], appended);
    }

    // Under the conversation's row lock, so the check for an earlier post with the client's id and the append are one
    // step (the unique index refuses a duplicate regardless).
    private async Task<(IReadOnlyList<StoredActivity> Stored, bool Appended)> AppendInOrderAsync(
        string conversationId, IReadOnlyList<Activity> activities, string? clientActivityId, CancellationToken cancellationToken)
    {
        var write = await _database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var conversation = new { id = conversationId };
                await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                    $"SELECT id FROM directline_conversations WHERE id = @id{_database.Dialect.LockRowsForUpdate}", conversation, transaction, cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                if (clientActivityId is not null)
                {
                    var earlier = await connection.QuerySingleOrDefaultAsync<ActivityRow>(new CommandDefinition(
                        "SELECT watermark, activity FROM directline_activities WHERE conversation_id = @id AND client_activity_id = @client",
                        new { id = conversationId, client = clientActivityId },
                        transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                    if (earlier is not null)
                    {
                        return ([ToStored(earlier)], false);
                    }
                }

                var watermark = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COALESCE(MAX(watermark), 0) FROM directline_activities WHERE conversation_id = @id", conversation, transaction, cancellationToken: cancellationToken))
                    .ConfigureAwait(false);

                var stored = new List<StoredActivity>(activities.Count);
                foreach (var activity in activities)
                {
                    watermark++;
                    var withId = activity with { Id = DirectLineIds.Activity(conversationId, watermark) };
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO directline_activities (conversation_id, watermark, activity, client_activity_id)
                        VALUES (@id, @watermark, @activity, @client)
                        """,
                        new { id = conversationId, watermark, activity = JsonSerializer.Serialize(withId, BotJsonContext.Default.Activity), client = clientActivityId },
                        transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                    stored.Add(new StoredActivity(watermark, withId));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return (stored, true);
            }
        }
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterWatermark, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<ActivityRow>(new CommandDefinition(
                """
                SELECT watermark, activity FROM directline_activities
                WHERE conversation_id = @id AND watermark > @after ORDER BY watermark LIMIT @max
                """,
                new { id = conversationId, after = afterWatermark, max = (long)maxCount },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(ToStored)];
        }
    }

    private static StoredActivity ToStored(ActivityRow row) =>
        new(row.Watermark, JsonSerializer.Deserialize(row.Activity, BotJsonContext.Default.Activity)!);

    private sealed record ConversationRow
    {
        public string? UserId { get; init; }

        public required string CreatedAt { get; init; }

        public long Started { get; init; }
    }

    private sealed record ActivityRow
    {
        public long Watermark { get; init; }

        public required string Activity { get; init; }
    }
}
