using System.Data.Common;
using CompassionBot.Clinicians;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;

namespace CompassionBot.Storage.Relational;

/// <summary>The clinician-alert outbox: notifications, leased claims and delivery marks.</summary>
internal sealed partial class RelationalCrisisEventStore
{
    private const string InsertNotification =
        "INSERT INTO crisis_alert_outbox (alert_id, kind, enrolment_id, clinician, channel_id, occurred_at, created_at, attempts, next_attempt_at) " +
        "VALUES (@id, @kind, @enrolment_id, @clinician, @channel_id, @at, @at, 0, @at) ON CONFLICT (alert_id) DO NOTHING;";

    // Due, undelivered and not held by a live lease; the dialect's fragment locks the picked rows on PostgreSQL.
    private const string PickDue =
        "SELECT alert_id FROM crisis_alert_outbox WHERE delivered_at IS NULL AND next_attempt_at <= @now " +
        "AND (lease_until IS NULL OR lease_until <= @now) ORDER BY next_attempt_at, alert_id LIMIT @max";

    // An alert about an event reads the event as it is now (its outcome so far); a notification carries its own fields.
    private const string SelectClaimed =
        "SELECT o.alert_id, o.kind, o.attempts, o.occurred_at, o.outcome, o.outcome_at, o.enrolment_id, o.clinician, o.channel_id, " +
        "e.id, e.channel_id, e.conversation_id, e.level, e.rules, e.outcome, e.outcome_at, e.enrolment_id, e.clinician, e.message_text " +
        "FROM crisis_alert_outbox o LEFT JOIN crisis_events e ON e.id = o.event_id WHERE o.claimed_by = @claim ORDER BY o.next_attempt_at, o.alert_id;";

    private const string MarkDelivered =
        "UPDATE crisis_alert_outbox SET attempts = attempts + 1, delivered_at = @at, last_error = NULL, lease_until = NULL " +
        "WHERE alert_id = @id AND claimed_by = @claim AND delivered_at IS NULL;";

    private const string MarkFailed =
        "UPDATE crisis_alert_outbox SET attempts = attempts + 1, next_attempt_at = @at, last_error = @error, claimed_by = NULL, lease_until = NULL " +
        "WHERE alert_id = @id AND claimed_by = @claim AND delivered_at IS NULL;";

    // A held alert becomes claimable again when its lease ends, even if it was due earlier.
    private const string SelectNextDue =
        "SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until > next_attempt_at THEN lease_until ELSE next_attempt_at END) " +
        "FROM crisis_alert_outbox WHERE delivered_at IS NULL;";

    private readonly string _claim =
        "UPDATE crisis_alert_outbox SET claimed_by = @claim, lease_until = @until WHERE alert_id IN (" + PickDue + database.Dialect.LockRowsForClaim + ");";

    public async Task<bool> EnqueueAsync(ClinicianNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return await UpdateAsync(
            InsertNotification,
            cancellationToken,
            ("@id", notification.Id),
            ("@kind", notification.Kind),
            ("@enrolment_id", notification.EnrolmentId),
            ("@clinician", notification.Clinician),
            ("@channel_id", notification.ChannelId),
            ("@at", notification.At.ToUnixTimeMilliseconds())).ConfigureAwait(false) == 1;
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
            ("@id", alert.AlertId),
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
            ("@id", alert.AlertId),
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

    private static CrisisAlert Alert(DbDataReader reader, string claim)
    {
        var alertId = reader.GetString(0);
        var kind = reader.GetString(1);
        var attempts = checked((int)reader.GetInt64(2));
        var occurredAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3));
        if (reader.IsDBNull(9))
        {
            return new CrisisAlert(string.Empty, occurredAt, reader.StringOrNull(8) ?? string.Empty, string.Empty, RiskLevel.None, [], attempts, claim)
            {
                AlertId = alertId,
                Kind = kind,
                EnrolmentId = reader.StringOrNull(6),
                Clinician = reader.StringOrNull(7),
            };
        }

        var isOutcome = kind == CrisisAlertKinds.Outcome;
        return new CrisisAlert(
            reader.GetString(9),
            occurredAt,
            reader.GetString(10),
            reader.GetString(11),
            Enum.Parse<RiskLevel>(reader.GetString(12)),
            Rules(reader.GetString(13)),
            attempts,
            claim)
        {
            AlertId = alertId,
            Kind = kind,
            Outcome = Enum.Parse<CrisisOutcome>(isOutcome ? reader.GetString(4) : reader.GetString(14)),
            OutcomeAt = Time(isOutcome ? reader.Int64OrNull(5) : reader.Int64OrNull(15)),
            EnrolmentId = reader.StringOrNull(16),
            Clinician = reader.StringOrNull(17),
            MessageText = reader.StringOrNull(18),
        };
    }
}
