using CompassionBot.Clinicians;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;
using Dapper;

namespace CompassionBot.Storage.Relational;

/// <summary>The clinician-alert outbox: notifications, leased claims and delivery marks.</summary>
internal sealed partial class RelationalCrisisEventStore
{
    private const string InsertNotification =
        "INSERT INTO crisis_alert_outbox (alert_id, kind, enrolment_id, clinician, channel_id, occurred_at, created_at, attempts, next_attempt_at) " +
        "VALUES (@id, @kind, @enrolmentId, @clinician, @channelId, @at, @at, 0, @at) ON CONFLICT (alert_id) DO NOTHING;";

    // Due, undelivered and not held by a live lease; the dialect's fragment locks the picked rows on PostgreSQL.
    private const string PickDue =
        "SELECT alert_id FROM crisis_alert_outbox WHERE delivered_at IS NULL AND next_attempt_at <= @now " +
        "AND (lease_until IS NULL OR lease_until <= @now) ORDER BY next_attempt_at, alert_id LIMIT @max";

    // An alert about an event reads the event as it is now (its outcome so far); a notification carries its own fields.
    private const string SelectClaimed =
        "SELECT o.alert_id, o.kind, o.attempts, o.occurred_at, o.outcome AS alert_outcome, o.outcome_at AS alert_outcome_at, " +
        "o.enrolment_id AS alert_enrolment_id, o.clinician AS alert_clinician, o.channel_id AS alert_channel_id, " +
        "e.id AS event_id, e.channel_id, e.conversation_id, e.level, e.rules, e.outcome, e.outcome_at, e.enrolment_id, e.clinician, e.message_text " +
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
            new
            {
                id = notification.Id,
                kind = notification.Kind,
                enrolmentId = notification.EnrolmentId,
                clinician = notification.Clinician,
                channelId = notification.ChannelId,
                at = notification.At.ToUnixTimeMilliseconds(),
            },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<CrisisAlert>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.Zero);
        var claim = Guid.NewGuid().ToString("N");
        var until = now <= DateTimeOffset.MaxValue - lease ? (now + lease).ToUnixTimeMilliseconds() : DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        var connection = write.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            _claim, new { claim, until, now = now.ToUnixTimeMilliseconds(), max = (long)max }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        IReadOnlyList<CrisisAlert> alerts = claimed == 0
            ? []
            : [.. (await connection.QueryAsync<AlertRow>(new CommandDefinition(SelectClaimed, new { claim }, transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false)).Select(row => Alert(row, claim))];
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return alerts;
    }

    public async Task<bool> MarkDeliveredAsync(CrisisAlert alert, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return await UpdateAsync(
            MarkDelivered, new { at = deliveredAt.ToUnixTimeMilliseconds(), id = alert.AlertId, claim = alert.Claim }, cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> MarkFailedAsync(CrisisAlert alert, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return await UpdateAsync(
            MarkFailed, new { at = nextAttemptAt.ToUnixTimeMilliseconds(), error, id = alert.AlertId, claim = alert.Claim }, cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return Time(await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectNextDue, cancellationToken: cancellationToken)).ConfigureAwait(false));
    }

    private async Task<int> UpdateAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        return await write.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static CrisisAlert Alert(AlertRow row, string claim)
    {
        var occurredAt = DateTimeOffset.FromUnixTimeMilliseconds(row.OccurredAt);
        var attempts = checked((int)row.Attempts);
        if (row.EventId is null)
        {
            return new CrisisAlert(string.Empty, occurredAt, row.AlertChannelId ?? string.Empty, string.Empty, RiskLevel.None, [], attempts, claim)
            {
                AlertId = row.AlertId,
                Kind = row.Kind,
                EnrolmentId = row.AlertEnrolmentId,
                Clinician = row.AlertClinician,
            };
        }

        var isOutcome = row.Kind == CrisisAlertKinds.Outcome;
        return new CrisisAlert(
            row.EventId,
            occurredAt,
            row.ChannelId!,
            row.ConversationId!,
            Enum.Parse<RiskLevel>(row.Level!),
            Rules(row.Rules!),
            attempts,
            claim)
        {
            AlertId = row.AlertId,
            Kind = row.Kind,
            Outcome = Enum.Parse<CrisisOutcome>((isOutcome ? row.AlertOutcome : row.Outcome)!),
            OutcomeAt = Time(isOutcome ? row.AlertOutcomeAt : row.OutcomeAt),
            EnrolmentId = row.EnrolmentId,
            Clinician = row.Clinician,
            MessageText = row.MessageText,
        };
    }

    // An outbox row and, for an alert about an event, the event's columns (null for a notification).
    private sealed record AlertRow
    {
        public required string AlertId { get; init; }

        public required string Kind { get; init; }

        public long Attempts { get; init; }

        public long OccurredAt { get; init; }

        public string? AlertOutcome { get; init; }

        public long? AlertOutcomeAt { get; init; }

        public string? AlertEnrolmentId { get; init; }

        public string? AlertClinician { get; init; }

        public string? AlertChannelId { get; init; }

        public string? EventId { get; init; }

        public string? ChannelId { get; init; }

        public string? ConversationId { get; init; }

        public string? Level { get; init; }

        public string? Rules { get; init; }

        public string? Outcome { get; init; }

        public long? OutcomeAt { get; init; }

        public string? EnrolmentId { get; init; }

        public string? Clinician { get; init; }

        public string? MessageText { get; init; }
    }
}
