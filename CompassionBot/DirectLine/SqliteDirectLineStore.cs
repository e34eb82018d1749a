using System.Globalization;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CompassionBot.DirectLine;

/// <summary><see cref="IDirectLineStore"/> on SQLite (connection string <c>ConnectionStrings:Sqlite</c>).</summary>
internal sealed class SqliteDirectLineStore : IDirectLineStore
{
    private readonly SqliteDatabase _database;

    public SqliteDirectLineStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public async Task CreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO directline_conversations (id, user_id, created_at, started) VALUES ($id, $user, $created, $started)";
        command.Parameters.AddWithValue("$id", conversation.Id);
        command.Parameters.AddWithValue("$user", (object?)conversation.UserId ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", conversation.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$started", conversation.Started ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, created_at, started FROM directline_conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new DirectLineConversation(
            conversationId,
            reader.IsDBNull(0) ? null : reader.GetString(0),
            DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
            reader.GetInt64(2) != 0);
    }

    public async Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_conversations SET started = 1 WHERE id = $id AND started = 0";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<StoredActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: the watermark read and the inserts are one writer's, so two appends never share a number.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var last = connection.CreateCommand();
        last.Transaction = transaction;
        last.CommandText = "SELECT COALESCE(MAX(watermark), 0) FROM directline_activities WHERE conversation_id = $id";
        last.Parameters.AddWithValue("$id", conversationId);
        var watermark = (long)(await last.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

        var stored = new List<StoredActivity>(activities.Count);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO directline_activities (conversation_id, watermark, activity) VALUES ($id, $watermark, $activity)";
        var idParameter = insert.Parameters.AddWithValue("$id", conversationId);
        var watermarkParameter = insert.Parameters.Add("$watermark", SqliteType.Integer);
        var activityParameter = insert.Parameters.Add("$activity", SqliteType.Text);
        foreach (var activity in activities)
        {
            watermark++;
            var withId = activity with { Id = DirectLineIds.Activity(conversationId, watermark) };
            watermarkParameter.Value = watermark;
            activityParameter.Value = JsonSerializer.Serialize(withId, BotJsonContext.Default.Activity);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            stored.Add(new StoredActivity(watermark, withId));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterWatermark, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT watermark, activity FROM directline_activities
            WHERE conversation_id = $id AND watermark > $after ORDER BY watermark LIMIT $max
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", afterWatermark);
        command.Parameters.AddWithValue("$max", maxCount);
        var result = new List<StoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var activity = JsonSerializer.Deserialize(reader.GetString(1), BotJsonContext.Default.Activity)!;
            result.Add(new StoredActivity(reader.GetInt64(0), activity));
        }

        return result;
    }

    // The tables come from the shared migrations (Storage/Sqlite/Migrations/0005_directline.sql).
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return _database.OpenConnection();
    }
}
