using System.Data.Common;
using System.Text.Json;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;

namespace CompassionBot.Storage.Relational;

/// <summary>
/// Crisis events, their outcomes and the clinician-alert outbox in the clinic's database (migrations 0002, 0012 and 0014), on SQLite or
/// PostgreSQL. An event and its outbox row are written in one transaction, so the alert survives a crash or restart
/// until it is delivered. Events are rare, so each call opens its own short-lived connection.
/// </summary>
/// <remarks>
/// Several instances may poll one outbox. A claim runs in a write transaction: it picks due rows that no live lease
/// holds (on PostgreSQL locking them and skipping rows another instance is claiming; on SQLite the transaction holds
/// the only write lock) and stamps them with a fresh claim token and a lease end. Only the claim that holds an alert may
/// mark it delivered or failed; once a lease runs out (the instance died mid-delivery) another instance claims it.
/// </remarks>
internal sealed class RelationalCrisisEventStore(IRelationalDatabase database) : ICrisisEventStore, ICrisisAlertOutbox
{
    private const string InsertEvent =
        "INSERT INTO crisis_events (id, occurred_at, channel_id, conversation_id, level, rules, region, message_text) " +
        "VALUES (@id, @occurred_at, @channel_id, @conversation_id, @level, @rules, @region, @message_text) ON CONFLICT (id) DO NOTHING;";

    private const string InsertOutbox =
        "INSERT INTO crisis_alert_outbox (event_id, created_at, attempts, next_attempt_at) VALUES (@id, @occurred_at, 0, @occurred_at);";

    // Due, undelivered and not held by a live lease; the dialect's fragment locks the picked rows on PostgreSQL.
    private const string PickDue =
        "SELECT event_id FROM crisis_alert_outbox WHERE delivered_at IS NULL AND next_attempt_at <= @now " +
        "AND (lease_until IS NULL OR lease_until <= @now) ORDER BY next_attempt_at, event_id LIMIT @max";

    private const string SelectClaimed =
        "SELECT o.event_id, o.attempts, e.occurred_at, e.channel_id, e.conversation_id, e.level, e.rules " +
        "FROM crisis_alert_outbox o JOIN crisis_events e ON e.id = o.event_id WHERE o.claimed_by = @claim ORDER BY o.next_attempt_at, o.event_id;";

    private const string MarkDelivered =
        "UPDATE crisis_alert_outbox SET attempts = attempts + 1, delivered_at = @at, last_error = NULL, lease_until = NULL " +
        "WHERE event_id = @id AND claimed_by = @claim AND delivered_at IS NULL;";

    private const string MarkFailed =
        "UPDATE crisis_alert_outbox SET attempts = attempts + 1, next_attempt_at = @at, last_error = @error, claimed_by = NULL, lease_until = NULL " +
        "WHERE event_id = @id AND claimed_by = @claim AND delivered_at IS NULL;";

    // A held alert becomes claimable again when its lease ends, even if it was due earlier.
    private const string SelectNextDue =
        "SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until > next_attempt_at THEN lease_until ELSE next_attempt_at END) " +
        "FROM crisis_alert_outbox WHERE delivered_at IS NULL;";

    private readonly string _claim =
        "UPDATE crisis_alert_outbox SET claimed_by = @claim, lease_until = @until WHERE event_id IN (" + PickDue + database.Dialect.LockRowsForClaim + ");";

    public async Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crisisEvent);
        var occurredAt = crisisEvent.OccurredAt.ToUnixTimeMilliseconds();
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        var connection = write.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var recorded = await transaction.Command(
            InsertEvent,
            ("@id", crisisEvent.Id),
            ("@occurred_at", occurredAt),
            ("@channel_id", crisisEvent.ChannelId),
            ("@conversation_id", crisisEvent.ConversationId),
            ("@level", crisisEvent.Level.ToString()),
            ("@rules", JsonSerializer.Serialize([.. crisisEvent.Rules], CrisisAlertJsonContext.Default.StringArray)),
            ("@region", crisisEvent.Region),
            ("@message_text", crisisEvent.MessageText)).RunAsync(cancellationToken).ConfigureAwait(false) == 1;
        if (recorded)
        {
            await transaction.Command(InsertOutbox, ("@id", crisisEvent.Id), ("@occurred_at", occurredAt)).RunAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    public async Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.Command(
            "SELECT id, occurred_at, channel_id, conversation_id, level, rules, region, message_text, outcome, outcome_at FROM crisis_events " +
            "WHERE channel_id = @channel_id AND conversation_id = @conversation_id ORDER BY occurred_at, id;",
            ("@channel_id", channelId),
            ("@conversation_id", conversationId)).ListAsync(
                reader => new CrisisEvent(
                    reader.GetString(0),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    reader.GetString(2),
                    reader.GetString(3),
                    Enum.Parse<RiskLevel>(reader.GetString(4)),
                    Rules(reader.GetString(5)),
                    reader.GetString(6),
                    reader.StringOrNull(7))
                {
                    Outcome = Enum.Parse<CrisisOutcome>(reader.GetString(8)),
                    OutcomeAt = reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                },
                cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordOutcomeAsync(string eventId, CrisisOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await write.Connection.Command(
            "UPDATE crisis_events SET outcome = @outcome, outcome_at = @at WHERE id = @id;",
            ("@outcome", outcome.ToString()),
            ("@at", at.ToUnixTimeMilliseconds()),
            ("@id", eventId)).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CrisisAlert>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.Zero);
        var claim = Guid.NewGuid().ToString("N");
        var nowMs = now.ToUnixTimeMilliseconds();
        var until = now <= DateTimeOffset.MaxValue - lease ? (now + lease).ToUnixTimeMilliseconds() : DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        var connection = write.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await transaction.Command(_claim, ("@claim", claim), ("@until", until), ("@now", nowMs), ("@max", (long)max))
            .RunAsync(cancellationToken).ConfigureAwait(false);
        var alerts = claimed == 0
            ? []
            : await transaction.Command(SelectClaimed, ("@claim", claim)).ListAsync(reader => Alert(reader, claim), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return alerts;
    }

    public async Task<bool> MarkDeliveredAsync(CrisisAlert alert, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return await UpdateAsync(
            MarkDelivered,
            cancellationToken,
            ("@at", deliveredAt.ToUnixTimeMilliseconds()),
            ("@id", alert.EventId),
            ("@claim", alert.Claim)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> MarkFailedAsync(CrisisAlert alert, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return await UpdateAsync(
            MarkFailed,
            cancellationToken,
            ("@at", nextAttemptAt.ToUnixTimeMilliseconds()),
            ("@error", error),
            ("@id", alert.EventId),
            ("@claim", alert.Claim)).ConfigureAwait(false) == 1;
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.Command(SelectNextDue).ScalarAsync(cancellationToken).ConfigureAwait(false) is long due
            ? DateTimeOffset.FromUnixTimeMilliseconds(due)
            : null;
    }

    private async Task<int> UpdateAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        var connection = write.Connection;
        return await connection.Command(sql, parameters).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private static CrisisAlert Alert(DbDataReader reader, string claim) => new(
        reader.GetString(0),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        reader.GetString(3),
        reader.GetString(4),
        Enum.Parse<RiskLevel>(reader.GetString(5)),
        Rules(reader.GetString(6)),
        checked((int)reader.GetInt64(1)),
        claim);

    private static string[] Rules(string json) => JsonSerializer.Deserialize(json, CrisisAlertJsonContext.Default.StringArray) ?? [];
}
