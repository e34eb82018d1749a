using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using CompassionBot.Sms;
using CompassionBot.Storage.Relational;
using Dapper;

namespace CompassionBot.CheckIns;

/// <summary>
/// Enrolments and check-in sends in the clinic database (SQLite or PostgreSQL). A slot's idempotency key is the
/// primary key of its send row; several instances share the rows through leased claims (see <c>CheckInStore.Sends.cs</c>).
/// </summary>
internal sealed partial class CheckInStore(IRelationalDatabase database, TimeProvider timeProvider, ILogger<CheckInStore> logger)
{
    private const string Columns =
        "id, phone, clinician, time_zone, locale, days, local_time, start_date, end_date, status, paused_until, " +
        "every_nth_slot, slots_to_skip, unanswered_streak, confirmed_at, created_at";

    /// <summary>Who holds this store's claims (<c>claimed_by</c>): host, process and a random part, unique per instance.</summary>
    public string InstanceId { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    public async Task CreateAsync(CheckInEnrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        await ExecuteAsync(
            $"INSERT INTO checkin_enrolments ({Columns}, updated_at) VALUES (@id, @phone, @clinician, @zone, @locale, @days, @time, @start, @end, @status, NULL, 1, 0, 0, NULL, @now, @now)",
            new
            {
                id = enrolment.Id,
                phone = enrolment.Phone,
                clinician = enrolment.Clinician,
                zone = enrolment.TimeZone,
                locale = enrolment.Locale,
                days = enrolment.Schedule.DaysText,
                time = enrolment.Schedule.TimeText,
                start = Date(enrolment.StartDate),
                end = enrolment.EndDate is { } end ? Date(end) : null,
                status = "active",
                now = SmsTimestamps.Format(enrolment.CreatedAt),
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<CheckInEnrolment?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {Columns} FROM checkin_enrolments WHERE id = @id", new { id }, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The newest enrolment of <paramref name="phone"/> that has not ended.</summary>
    public async Task<CheckInEnrolment?> FindActiveByPhoneAsync(string phone, CancellationToken cancellationToken) =>
        (await ReadAsync(
            $"SELECT {Columns} FROM checkin_enrolments WHERE phone = @phone AND status <> 'ended' ORDER BY created_at DESC LIMIT 1",
            new { phone },
            cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The enrolments of the client record <paramref name="clientId"/>, newest first.</summary>
    public async Task<IReadOnlyList<CheckInEnrolment>> ListByClientAsync(string clientId, CancellationToken cancellationToken) =>
        await ReadAsync($"SELECT {Columns} FROM checkin_enrolments WHERE client_id = @clientId ORDER BY created_at DESC, id", new { clientId }, cancellationToken).ConfigureAwait(false);

    /// <summary>The client record an enrolment belongs to, or null (enrolments made before client records).</summary>
    public async Task<string?> ClientIdAsync(string enrolmentId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                "SELECT client_id FROM checkin_enrolments WHERE id = @enrolmentId", new { enrolmentId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Puts the enrolment in the client record <paramref name="clientId"/>.</summary>
    public Task SetClientAsync(string enrolmentId, string clientId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE checkin_enrolments SET client_id = @clientId, updated_at = @now WHERE id = @id",
            new { id = enrolmentId, clientId, now = Now() },
            cancellationToken);

    /// <summary>Every enrolment that has not ended.</summary>
    public async Task<IReadOnlyList<CheckInEnrolment>> ListOpenAsync(CancellationToken cancellationToken) =>
        await ReadAsync($"SELECT {Columns} FROM checkin_enrolments WHERE status <> 'ended' ORDER BY id", null, cancellationToken).ConfigureAwait(false);

    /// <summary>Sets the status (and pause end); false when the enrolment does not exist or has ended.</summary>
    public async Task<bool> SetStatusAsync(string id, EnrolmentStatus status, DateTimeOffset? pausedUntil, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE checkin_enrolments SET status = @status, paused_until = @until, updated_at = @now WHERE id = @id AND status <> 'ended'",
            new
            {
                id,
                status = status.ToString().ToLowerInvariant(),
                until = pausedUntil is { } until ? SmsTimestamps.Format(until) : null,
                now = Now(),
            },
            cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Moves the local time of <paramref name="enrolmentId"/>'s check-ins.</summary>
    public Task ChangeTimeAsync(string enrolmentId, TimeOnly time, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE checkin_enrolments SET local_time = @time, updated_at = @now WHERE id = @id",
            new { id = enrolmentId, time = time.ToString("HH:mm", CultureInfo.InvariantCulture), now = Now() },
            cancellationToken);

    /// <summary>
    /// Records that <paramref name="phone"/> answered its latest check-in (any text counts), which resets the unanswered
    /// streak and the frequency. True when that check-in was still unanswered: this text is the reply to it.
    /// </summary>
    public Task<bool> TryMarkAnsweredAsync(string phone, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                // The enrolment rows first, in the same order as a slot claim takes them (enrolment, then send), so a
                // reply and a claim at the same moment wait for each other instead of deadlocking on PostgreSQL.
                await connection.QueryAsync<string>(new CommandDefinition(
                        "SELECT id FROM checkin_enrolments WHERE phone = @phone ORDER BY id" + database.Dialect.LockRowsForUpdate,
                        new { phone },
                        transaction,
                        cancellationToken: cancellationToken))
                    .ConfigureAwait(false);

                // One conditional update: of two instances handling replies at once, only one marks the check-in answered.
                var answered = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                        "UPDATE checkin_sends SET answered_at = @now WHERE answered_at IS NULL AND idempotency_key = (" +
                        "SELECT s.idempotency_key FROM checkin_sends s JOIN checkin_enrolments e ON e.id = s.enrolment_id " +
                        "WHERE e.phone = @phone AND s.status = 'sent' ORDER BY s.sent_at DESC LIMIT 1) RETURNING enrolment_id",
                        new { phone, now = Now() },
                        transaction,
                        cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                if (answered is null)
                {
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE checkin_enrolments SET unanswered_streak = 0, every_nth_slot = 1, slots_to_skip = 0, updated_at = @now WHERE id = @id",
                        new { id = answered, now = Now() },
                        transaction,
                        cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>Records that <paramref name="phone"/> started a practice from its latest check-in.</summary>
    public Task MarkPracticeStartedAsync(string phone, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE checkin_sends SET practice_started_at = @now WHERE practice_started_at IS NULL AND idempotency_key = (" +
            "SELECT s.idempotency_key FROM checkin_sends s JOIN checkin_enrolments e ON e.id = s.enrolment_id " +
            "WHERE e.phone = @phone AND s.status = 'sent' ORDER BY s.sent_at DESC LIMIT 1)",
            new { phone, now = Now() },
            cancellationToken);

    public Task RecordNotificationAsync(CheckInEnrolment enrolment, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return ExecuteAsync(
            "INSERT INTO clinician_notifications (enrolment_id, clinician, kind, created_at) VALUES (@id, @clinician, @kind, @now)",
            new { id = enrolment.Id, clinician = enrolment.Clinician, kind, now = Now() },
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction (BEGIN IMMEDIATE on SQLite; on PostgreSQL row locks taken
    /// inside it with <see cref="SqlDialect.LockRowsForClaim"/> hold until commit). Disposing uncommitted rolls back.
    /// </summary>
    private async Task<T> InWriteTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    // One statement on the write connection; returns the rows it changed.
    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            return await write.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private string Now() => SmsTimestamps.Format(timeProvider.GetUtcNow());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<List<CheckInEnrolment>> ReadAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<EnrolmentRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(row => new CheckInEnrolment(
                row.Id,
                row.Phone,
                row.Clinician,
                row.TimeZone,
                row.Locale,
                CheckInSchedule.Parse(row.Days.Split(','), row.LocalTime)!,
                ParseDate(row.StartDate),
                row.EndDate is { } end ? ParseDate(end) : null,
                Enum.Parse<EnrolmentStatus>(row.Status, ignoreCase: true),
                SmsTimestamps.ParseOrNull(row.PausedUntil),
                (int)row.EveryNthSlot,
                (int)row.SlotsToSkip,
                (int)row.UnansweredStreak,
                SmsTimestamps.ParseOrNull(row.ConfirmedAt),
                SmsTimestamps.Parse(row.CreatedAt)))];
        }
    }

    private sealed record EnrolmentRow
    {
        public required string Id { get; init; }

        public required string Phone { get; init; }

        public required string Clinician { get; init; }

        public required string TimeZone { get; init; }

        public required string Locale { get; init; }

        public required string Days { get; init; }

        public required string LocalTime { get; init; }

        public required string StartDate { get; init; }

        public string? EndDate { get; init; }

        public required string Status { get; init; }

        public string? PausedUntil { get; init; }

        public long EveryNthSlot { get; init; }

        public long SlotsToSkip { get; init; }

        public long UnansweredStreak { get; init; }

        public string? ConfirmedAt { get; init; }

        public required string CreatedAt { get; init; }
    }
}
