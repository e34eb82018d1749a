using System.Text.Json;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;
using Dapper;

namespace CompassionBot.Storage.Relational;

/// <summary>
/// Crisis events, their outcomes and the clinician-alert outbox in the clinic's database (migrations 0002, 0012, 0014
/// and 0015), on SQLite or PostgreSQL. An event and its alert, and an outcome and the alert reporting it, are each written
/// in one transaction, so no alert is lost to a crash or restart before it is delivered. Events are rare, so each call
/// opens its own short-lived connection.
/// </summary>
/// <remarks>
/// Several instances may poll one outbox. A claim runs in a write transaction: it picks due rows that no live lease
/// holds (on PostgreSQL locking them and skipping rows another instance is claiming; on SQLite the transaction holds
/// the only write lock) and stamps them with a fresh claim token and a lease end. Only the claim that holds an alert may
/// mark it delivered or failed; once a lease runs out (the instance died mid-delivery) another instance claims it.
/// </remarks>
internal sealed partial class RelationalCrisisEventStore(IRelationalDatabase database) : ICrisisEventStore, ICrisisAlertOutbox
{
    private const string InsertEvent =
        "INSERT INTO crisis_events (id, occurred_at, channel_id, conversation_id, level, rules, region, message_text, enrolment_id, clinician) " +
        "VALUES (@id, @occurredAt, @channelId, @conversationId, @level, @rules, @region, @messageText, @enrolmentId, @clinician) ON CONFLICT (id) DO NOTHING;";

    private const string InsertEventAlert =
        "INSERT INTO crisis_alert_outbox (alert_id, kind, event_id, occurred_at, created_at, attempts, next_attempt_at) " +
        "VALUES (@id, '" + CrisisAlertKinds.Event + "', @id, @occurredAt, @occurredAt, 0, @occurredAt);";

    // An alert delivered straight to the webhook while the store took no writes: on record, never sent again.
    private const string InsertDeliveredEventAlert =
        "INSERT INTO crisis_alert_outbox (alert_id, kind, event_id, occurred_at, created_at, attempts, next_attempt_at, delivered_at) " +
        "VALUES (@id, '" + CrisisAlertKinds.Event + "', @id, @occurredAt, @deliveredAt, 1, @occurredAt, @deliveredAt);";

    private const string UpdateOutcome = "UPDATE crisis_events SET outcome = @outcome, outcome_at = @at WHERE id = @id;";

    // One alert per outcome an event is given: a repeat of the same outcome (a retried turn) queues nothing new.
    private const string InsertOutcomeAlert =
        "INSERT INTO crisis_alert_outbox (alert_id, kind, event_id, outcome, outcome_at, occurred_at, created_at, attempts, next_attempt_at) " +
        "SELECT @alertId, '" + CrisisAlertKinds.Outcome + "', id, @outcome, @at, occurred_at, @at, 0, @at FROM crisis_events WHERE id = @id " +
        "ON CONFLICT (alert_id) DO NOTHING;";

    private const string SelectEvents =
        "SELECT id, occurred_at, channel_id, conversation_id, level, rules, region, message_text, outcome, outcome_at, enrolment_id, clinician " +
        "FROM crisis_events WHERE channel_id = @channelId AND conversation_id = @conversationId ORDER BY occurred_at, id;";

    public Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken) =>
        RecordAsync(crisisEvent, deliveredAt: null, cancellationToken);

    public Task<bool> RecordDeliveredAsync(CrisisEvent crisisEvent, DateTimeOffset deliveredAt, CancellationToken cancellationToken) =>
        RecordAsync(crisisEvent, deliveredAt, cancellationToken);

    private async Task<bool> RecordAsync(CrisisEvent crisisEvent, DateTimeOffset? deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crisisEvent);
        var occurredAt = crisisEvent.OccurredAt.ToUnixTimeMilliseconds();
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        var connection = write.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var recorded = await connection.ExecuteAsync(new CommandDefinition(
            InsertEvent,
            new
            {
                id = crisisEvent.Id,
                occurredAt,
                channelId = crisisEvent.ChannelId,
                conversationId = crisisEvent.ConversationId,
                level = crisisEvent.Level.ToString(),
                rules = JsonSerializer.Serialize([.. crisisEvent.Rules], CrisisAlertJsonContext.Default.StringArray),
                region = crisisEvent.Region,
                messageText = crisisEvent.MessageText,
                enrolmentId = crisisEvent.EnrolmentId,
                clinician = crisisEvent.Clinician,
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
        if (recorded)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                deliveredAt is null ? InsertEventAlert : InsertDeliveredEventAlert,
                new { id = crisisEvent.Id, occurredAt, deliveredAt = deliveredAt?.ToUnixTimeMilliseconds() },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    public async Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            SelectEvents, new { channelId, conversationId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(row => new CrisisEvent(
            row.Id,
            DateTimeOffset.FromUnixTimeMilliseconds(row.OccurredAt),
            row.ChannelId,
            row.ConversationId,
            Enum.Parse<RiskLevel>(row.Level),
            Rules(row.Rules),
            row.Region,
            row.MessageText)
        {
            Outcome = Enum.Parse<CrisisOutcome>(row.Outcome),
            OutcomeAt = Time(row.OutcomeAt),
            EnrolmentId = row.EnrolmentId,
            Clinician = row.Clinician,
        })];
    }

    /// <inheritdoc />
    /// <remarks>Any outcome but <see cref="CrisisOutcome.LineGiven"/> also queues its own alert, in the same transaction.</remarks>
    public async Task RecordOutcomeAsync(string eventId, CrisisOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var atMs = at.ToUnixTimeMilliseconds();
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        var connection = write.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            UpdateOutcome, new { outcome = outcome.ToString(), at = atMs, id = eventId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (updated == 1 && outcome != CrisisOutcome.LineGiven)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertOutcomeAlert,
                new { alertId = CrisisAlertKinds.OutcomeAlertId(eventId, outcome), outcome = outcome.ToString(), at = atMs, id = eventId },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset? Time(long? unixMilliseconds) => unixMilliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static string[] Rules(string json) => JsonSerializer.Deserialize(json, CrisisAlertJsonContext.Default.StringArray) ?? [];

    private sealed record EventRow
    {
        public required string Id { get; init; }

        public long OccurredAt { get; init; }

        public required string ChannelId { get; init; }

        public required string ConversationId { get; init; }

        public required string Level { get; init; }

        public required string Rules { get; init; }

        public required string Region { get; init; }

        public string? MessageText { get; init; }

        public required string Outcome { get; init; }

        public long? OutcomeAt { get; init; }

        public string? EnrolmentId { get; init; }

        public string? Clinician { get; init; }
    }
}
