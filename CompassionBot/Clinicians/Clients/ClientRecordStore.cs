using System.Text.Json;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;
using CompassionBot.Sms;
using CompassionBot.Storage.Relational;
using Dapper;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// What is recorded for a linked client (migration 0024): practice sessions and crisis or concern events, with the
/// check-ins of the client's enrolments, read back as the client's timeline. No message text is written here.
/// </summary>
internal sealed class ClientRecordStore(IRelationalDatabase database)
{
    public async Task AddSessionAsync(string clientId, string channelId, PracticeSessionRecord session, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await ExecuteAsync(
            "INSERT INTO client_practice_sessions (client_id, channel_id, practice_id, family, started_at, ended_at, outcome, distress_before, distress_after, resonance, signals, obstacle) " +
            "VALUES (@clientId, @channelId, @practiceId, @family, @startedAt, @endedAt, @outcome, @before, @after, @resonance, @signals, @obstacle) " +
            "ON CONFLICT (client_id, started_at, practice_id) DO NOTHING",
            new
            {
                clientId,
                channelId,
                practiceId = session.PracticeId,
                family = Name(session.Family),
                startedAt = session.StartedAt.ToUnixTimeMilliseconds(),
                endedAt = endedAt.ToUnixTimeMilliseconds(),
                outcome = Name(session.Outcome),
                before = session.DistressBefore,
                after = session.DistressAfter,
                resonance = session.Resonance is { } resonance ? Name(resonance) : null,
                signals = string.Join(',', session.Signals.Select(JsonNamingPolicy.KebabCaseLower.ConvertName)),
                obstacle = session.Obstacle is { } obstacle ? Name(obstacle) : null,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds what got in the way (<see cref="PracticeSessionRecord.Obstacle"/>) to the client's recorded
    /// <paramref name="session"/>; nothing when the session was not recorded (the person was not linked then).</summary>
    public Task SetObstacleAsync(string clientId, PracticeSessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return ExecuteAsync(
            "UPDATE client_practice_sessions SET obstacle = @obstacle WHERE client_id = @clientId AND started_at = @startedAt AND practice_id = @practiceId",
            new
            {
                clientId,
                startedAt = session.StartedAt.ToUnixTimeMilliseconds(),
                practiceId = session.PracticeId,
                obstacle = session.Obstacle is { } obstacle ? Name(obstacle) : null,
            },
            cancellationToken);
    }

    /// <summary>Records a crisis or concern event of the client (once per event).</summary>
    public Task AddSafetyEventAsync(string clientId, string eventId, RiskLevel level, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO client_safety_events (event_id, client_id, level, occurred_at) VALUES (@eventId, @clientId, @level, @at) ON CONFLICT (event_id) DO NOTHING",
            new { eventId, clientId, level = Name(level), at = occurredAt.ToUnixTimeMilliseconds() },
            cancellationToken);

    /// <summary>The client's practice sessions, oldest first.</summary>
    public async Task<IReadOnlyList<PracticeSessionEntry>> SessionsAsync(string clientId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<SessionRow>(
            "SELECT practice_id, family, channel_id, started_at, ended_at, outcome, distress_before, distress_after, resonance, signals, obstacle " +
            "FROM client_practice_sessions WHERE client_id = @clientId ORDER BY started_at, id",
            new { clientId },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new PracticeSessionEntry(
            r.PracticeId,
            r.Family,
            r.ChannelId,
            DateTimeOffset.FromUnixTimeMilliseconds(r.StartedAt),
            DateTimeOffset.FromUnixTimeMilliseconds(r.EndedAt),
            r.Outcome,
            (int?)r.DistressBefore,
            (int?)r.DistressAfter,
            r.Resonance,
            r.Signals.Split(',', StringSplitOptions.RemoveEmptyEntries),
            r.Obstacle))];
    }

    /// <summary>The check-ins sent on the client's enrolments, oldest first.</summary>
    public async Task<IReadOnlyList<CheckInEntry>> CheckInsAsync(string clientId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<CheckInRow>(
            "SELECT s.enrolment_id, s.sent_at, s.answered_at, s.practice_started_at FROM checkin_sends s JOIN checkin_enrolments e ON e.id = s.enrolment_id " +
            "WHERE e.client_id = @clientId AND s.status = 'sent' AND s.sent_at IS NOT NULL ORDER BY s.sent_at",
            new { clientId },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new CheckInEntry(r.EnrolmentId, SmsTimestamps.Parse(r.SentAt), SmsTimestamps.ParseOrNull(r.AnsweredAt), SmsTimestamps.ParseOrNull(r.PracticeStartedAt)))];
    }

    /// <summary>The client's crisis and concern events with their outcomes, oldest first.</summary>
    public async Task<IReadOnlyList<SafetyEventEntry>> SafetyEventsAsync(string clientId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<SafetyRow>(
            "SELECT s.event_id, s.level, s.occurred_at, e.outcome, e.outcome_at, e.message_text FROM client_safety_events s " +
            "LEFT JOIN crisis_events e ON e.id = s.event_id WHERE s.client_id = @clientId ORDER BY s.occurred_at, s.event_id",
            new { clientId },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new SafetyEventEntry(
            r.EventId,
            r.Level,
            DateTimeOffset.FromUnixTimeMilliseconds(r.OccurredAt),
            r.Outcome is { } outcome ? CrisisAlertKinds.Name(Enum.Parse<CrisisOutcome>(outcome)) : null,
            r.OutcomeAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
            r.MessageText))];
    }

    /// <summary>The client's latest practice session end or crisis event, or null when nothing is recorded.</summary>
    public async Task<DateTimeOffset?> LastActivityAsync(string clientId, CancellationToken cancellationToken)
    {
        var latest = (await QueryAsync<long?>(
            "SELECT MAX(at) FROM (SELECT MAX(ended_at) AS at FROM client_practice_sessions WHERE client_id = @clientId " +
            "UNION ALL SELECT MAX(occurred_at) FROM client_safety_events WHERE client_id = @clientId) AS latest",
            new { clientId },
            cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        return latest is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null;
    }

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private sealed record SessionRow
    {
        public required string PracticeId { get; init; }

        public required string Family { get; init; }

        public required string ChannelId { get; init; }

        public long StartedAt { get; init; }

        public long EndedAt { get; init; }

        public required string Outcome { get; init; }

        public long? DistressBefore { get; init; }

        public long? DistressAfter { get; init; }

        public string? Resonance { get; init; }

        public required string Signals { get; init; }

        public string? Obstacle { get; init; }
    }

    private sealed record CheckInRow
    {
        public required string EnrolmentId { get; init; }

        public required string SentAt { get; init; }

        public string? AnsweredAt { get; init; }

        public string? PracticeStartedAt { get; init; }
    }

    private sealed record SafetyRow
    {
        public required string EventId { get; init; }

        public required string Level { get; init; }

        public long OccurredAt { get; init; }

        public string? Outcome { get; init; }

        public long? OutcomeAt { get; init; }

        public string? MessageText { get; init; }
    }
}
