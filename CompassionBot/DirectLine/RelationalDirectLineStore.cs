using System.Globalization;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Storage.Relational;

namespace CompassionBot.DirectLine;

/// <summary>
/// <see cref="IDirectLineStore"/> on the clinic's relational database (SQLite or PostgreSQL; tables from the
/// <c>0005_directline</c> migrations).
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
            var connection = write.Connection;
            await connection.Command(
                "INSERT INTO directline_conversations (id, user_id, created_at, started) VALUES (@id, @user, @created, @started)",
                ("@id", conversation.Id),
                ("@user", conversation.UserId),
                ("@created", conversation.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
                ("@started", conversation.Started ? 1L : 0L)).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.Command("SELECT user_id, created_at, started FROM directline_conversations WHERE id = @id", ("@id", conversationId))
                .ListAsync(
                    reader => new DirectLineConversation(
                        conversationId,
                        reader.StringOrNull(0),
                        DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                        reader.GetInt64(2) != 0),
                    cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }
    }

    public async Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var write = await _database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            return await connection.Command("UPDATE directline_conversations SET started = 1 WHERE id = @id AND started = 0", ("@id", conversationId))
                .RunAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    public async Task<IReadOnlyList<StoredActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activities);
        var write = await _database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await transaction.Command($"SELECT id FROM directline_conversations WHERE id = @id{_database.Dialect.LockRowsForUpdate}", ("@id", conversationId))
                    .ScalarAsync(cancellationToken).ConfigureAwait(false);
                var watermark = Convert.ToInt64(
                    await transaction.Command("SELECT COALESCE(MAX(watermark), 0) FROM directline_activities WHERE conversation_id = @id", ("@id", conversationId))
                        .ScalarAsync(cancellationToken).ConfigureAwait(false),
                    CultureInfo.InvariantCulture);

                var stored = new List<StoredActivity>(activities.Count);
                foreach (var activity in activities)
                {
                    watermark++;
                    var withId = activity with { Id = DirectLineIds.Activity(conversationId, watermark) };
                    await transaction.Command(
                        "INSERT INTO directline_activities (conversation_id, watermark, activity) VALUES (@id, @watermark, @activity)",
                        ("@id", conversationId),
                        ("@watermark", watermark),
                        ("@activity", JsonSerializer.Serialize(withId, BotJsonContext.Default.Activity))).RunAsync(cancellationToken).ConfigureAwait(false);
                    stored.Add(new StoredActivity(watermark, withId));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return stored;
            }
        }
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterWatermark, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.Command(
                """
                SELECT watermark, activity FROM directline_activities
                WHERE conversation_id = @id AND watermark > @after ORDER BY watermark LIMIT @max
                """,
                ("@id", conversationId),
                ("@after", afterWatermark),
                ("@max", (long)maxCount)).ListAsync(
                    reader => new StoredActivity(reader.GetInt64(0), JsonSerializer.Deserialize(reader.GetString(1), BotJsonContext.Default.Activity)!),
                    cancellationToken).ConfigureAwait(false);
        }
    }
}
