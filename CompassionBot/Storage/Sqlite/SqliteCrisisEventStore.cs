using System.Text.Json;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Storage.Sqlite;

/// <summary>
/// Crisis events and the clinician-alert outbox in the SQLite file (migration 0002): an event and its outbox row are
/// written in one transaction, so the alert survives a crash or restart until it is delivered. Events are rare, so
/// each call opens its own short-lived connection.
/// </summary>
internal sealed class SqliteCrisisEventStore(SqliteDatabase database) : ICrisisEventStore, ICrisisAlertOutbox
{
    private const string InsertEvent =
        "INSERT INTO crisis_events (id, occurred_at, channel_id, conversation_id, level, rules, region, message_text) " +
        "VALUES ($id, $occurred_at, $channel_id, $conversation_id, $level, $rules, $region, $message_text) ON CONFLICT (id) DO NOTHING;";

    private const string InsertOutbox =
        "INSERT INTO crisis_alert_outbox (event_id, created_at, attempts, next_attempt_at) VALUES ($id, $occurred_at, 0, $occurred_at);";

    private const string SelectDue =
        "SELECT o.event_id, o.attempts, e.occurred_at, e.channel_id, e.conversation_id, e.level, e.rules " +
        "FROM crisis_alert_outbox o JOIN crisis_events e ON e.id = o.event_id " +
        "WHERE o.delivered_at IS NULL AND o.next_attempt_at <= $now ORDER BY o.next_attempt_at LIMIT $max;";

    public async Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crisisEvent);
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        connection.Execute("BEGIN IMMEDIATE;");
        try
        {
            using var insert = Command(connection, InsertEvent, ("$id", crisisEvent.Id), ("$occurred_at", crisisEvent.OccurredAt.ToUnixTimeMilliseconds()),
                ("$channel_id", crisisEvent.ChannelId), ("$conversation_id", crisisEvent.ConversationId), ("$level", crisisEvent.Level.ToString()),
                ("$rules", JsonSerializer.Serialize([.. crisisEvent.Rules], CrisisAlertJsonContext.Default.StringArray)),
                ("$region", crisisEvent.Region), ("$message_text", crisisEvent.MessageText));
            var recorded = insert.ExecuteNonQuery() == 1;
            if (recorded)
            {
                using var outbox = Command(connection, InsertOutbox, ("$id", crisisEvent.Id), ("$occurred_at", crisisEvent.OccurredAt.ToUnixTimeMilliseconds()));
                outbox.ExecuteNonQuery();
            }

            connection.Execute("COMMIT;");
            return recorded;
        }
        catch
        {
            connection.RollbackIfActive();
            throw;
        }
    }

    public async Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        using var command = Command(connection,
            "SELECT id, occurred_at, channel_id, conversation_id, level, rules, region, message_text FROM crisis_events " +
            "WHERE channel_id = $channel_id AND conversation_id = $conversation_id ORDER BY occurred_at, id;",
            ("$channel_id", channelId), ("$conversation_id", conversationId));
        using var reader = command.ExecuteReader();
        var events = new List<CrisisEvent>();
        while (reader.Read())
        {
            events.Add(new CrisisEvent(
                reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3),
                Enum.Parse<RiskLevel>(reader.GetString(4)), Rules(reader.GetString(5)), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return events;
    }

    public async Task<IReadOnlyList<CrisisAlert>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        connection.Execute("BEGIN IMMEDIATE;");
        try
        {
            var due = new List<CrisisAlert>();
            using (var select = Command(connection, SelectDue, ("$now", now.ToUnixTimeMilliseconds()), ("$max", max)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    due.Add(new CrisisAlert(
                        reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4),
                        Enum.Parse<RiskLevel>(reader.GetString(5)), Rules(reader.GetString(6)), reader.GetInt32(1)));
                }
            }

            foreach (var alert in due)
            {
                using var claim = Command(connection, "UPDATE crisis_alert_outbox SET next_attempt_at = $until WHERE event_id = $id;",
                    ("$until", (now + lease).ToUnixTimeMilliseconds()), ("$id", alert.EventId));
                claim.ExecuteNonQuery();
            }

            connection.Execute("COMMIT;");
            return due;
        }
        catch
        {
            connection.RollbackIfActive();
            throw;
        }
    }

    public Task MarkDeliveredAsync(string eventId, DateTimeOffset deliveredAt, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE crisis_alert_outbox SET attempts = attempts + 1, delivered_at = $at, last_error = NULL WHERE event_id = $id;",
            cancellationToken, ("$at", deliveredAt.ToUnixTimeMilliseconds()), ("$id", eventId));

    public Task MarkFailedAsync(string eventId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE crisis_alert_outbox SET attempts = attempts + 1, next_attempt_at = $at, last_error = $error WHERE event_id = $id;",
            cancellationToken, ("$at", nextAttemptAt.ToUnixTimeMilliseconds()), ("$error", error), ("$id", eventId));

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        using var command = Command(connection, "SELECT MIN(next_attempt_at) FROM crisis_alert_outbox WHERE delivered_at IS NULL;");
        return command.ExecuteScalar() is long due ? DateTimeOffset.FromUnixTimeMilliseconds(due) : null;
    }

    private async Task UpdateAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static string[] Rules(string json) => JsonSerializer.Deserialize(json, CrisisAlertJsonContext.Default.StringArray) ?? [];

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
