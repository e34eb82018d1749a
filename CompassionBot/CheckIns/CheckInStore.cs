using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using CompassionBot.Sms;
using CompassionBot.Storage.Relational;

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
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            await connection.Command(
                    $"INSERT INTO checkin_enrolments ({Columns}, updated_at) VALUES (@id, @phone, @clinician, @zone, @locale, @days, @time, @start, @end, @status, NULL, 1, 0, 0, NULL, @now, @now)",
                    ("@id", enrolment.Id), ("@phone", enrolment.Phone), ("@clinician", enrolment.Clinician), ("@zone", enrolment.TimeZone),
                    ("@locale", enrolment.Locale), ("@days", enrolment.Schedule.DaysText), ("@time", enrolment.Schedule.TimeText),
                    ("@start", Date(enrolment.StartDate)), ("@end", enrolment.EndDate is { } end ? Date(end) : null),
                    ("@status", "active"), ("@now", SmsTimestamps.Format(enrolment.CreatedAt)))
                .RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<CheckInEnrolment?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {Columns} FROM checkin_enrolments WHERE id = @id", cancellationToken, ("@id", id)).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The newest enrolment of <paramref name="phone"/> that has not ended.</summary>
    public async Task<CheckInEnrolment?> FindActiveByPhoneAsync(string phone, CancellationToken cancellationToken) =>
        (await ReadAsync(
            $"SELECT {Columns} FROM checkin_enrolments WHERE phone = @phone AND status <> 'ended' ORDER BY created_at DESC LIMIT 1",
            cancellationToken,
            ("@phone", phone)).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Every enrolment that has not ended.</summary>
    public async Task<IReadOnlyList<CheckInEnrolment>> ListOpenAsync(CancellationToken cancellationToken) =>
        await ReadAsync($"SELECT {Columns} FROM checkin_enrolments WHERE status <> 'ended' ORDER BY id", cancellationToken).ConfigureAwait(false);

    /// <summary>Sets the status (and pause end); false when the enrolment does not exist or has ended.</summary>
    public async Task<bool> SetStatusAsync(string id, EnrolmentStatus status, DateTimeOffset? pausedUntil, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            return await connection.Command(
                    "UPDATE checkin_enrolments SET status = @status, paused_until = @until, updated_at = @now WHERE id = @id AND status <> 'ended'",
                    ("@id", id), ("@status", status.ToString().ToLowerInvariant()), ("@until", pausedUntil is { } until ? SmsTimestamps.Format(until) : null),
                    ("@now", Now()))
                .RunAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>Moves the local time of <paramref name="enrolmentId"/>'s check-ins.</summary>
    public async Task ChangeTimeAsync(string enrolmentId, TimeOnly time, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            await connection.Command(
                    "UPDATE checkin_enrolments SET local_time = @time, updated_at = @now WHERE id = @id",
                    ("@id", enrolmentId), ("@time", time.ToString("HH:mm", CultureInfo.InvariantCulture)), ("@now", Now()))
                .RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records that <paramref name="phone"/> answered its latest check-in (any text counts), which resets the unanswered
    /// streak and the frequency. True when that check-in was still unanswered: this text is the reply to it.
    /// </summary>
    public Task<bool> TryMarkAnsweredAsync(string phone, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(
            async transaction =>
            {
                // The enrolment rows first, in the same order as a slot claim takes them (enrolment, then send), so a
                // reply and a claim at the same moment wait for each other instead of deadlocking on PostgreSQL.
                await transaction.Command(
                        "SELECT id FROM checkin_enrolments WHERE phone = @phone ORDER BY id" + database.Dialect.LockRowsForUpdate,
                        ("@phone", phone))
                    .ListAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);

                // One conditional update: of two instances handling replies at once, only one marks the check-in answered.
                var answered = await transaction.Command(
                        "UPDATE checkin_sends SET answered_at = @now WHERE answered_at IS NULL AND idempotency_key = (" +
                        "SELECT s.idempotency_key FROM checkin_sends s JOIN checkin_enrolments e ON e.id = s.enrolment_id " +
                        "WHERE e.phone = @phone AND s.status = 'sent' ORDER BY s.sent_at DESC LIMIT 1) RETURNING enrolment_id",
                        ("@phone", phone), ("@now", Now()))
                    .ListAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
                if (answered.Count == 0)
                {
                    return false;
                }

                await transaction.Command(
                        "UPDATE checkin_enrolments SET unanswered_streak = 0, every_nth_slot = 1, slots_to_skip = 0, updated_at = @now WHERE id = @id",
                        ("@id", answered[0]), ("@now", Now()))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public async Task RecordNotificationAsync(CheckInEnrolment enrolment, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            await connection.Command(
                    "INSERT INTO clinician_notifications (enrolment_id, clinician, kind, created_at) VALUES (@id, @clinician, @kind, @now)",
                    ("@id", enrolment.Id), ("@clinician", enrolment.Clinician), ("@kind", kind), ("@now", Now()))
                .RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction (BEGIN IMMEDIATE on SQLite; on PostgreSQL row locks taken
    /// inside it with <see cref="SqlDialect.LockRowsForClaim"/> hold until commit). Disposing uncommitted rolls back.
    /// </summary>
    private async Task<T> InWriteTransactionAsync<T>(Func<DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    private string Now() => SmsTimestamps.Format(timeProvider.GetUtcNow());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<List<CheckInEnrolment>> ReadAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.Command(sql, parameters).ListAsync(
                reader => new CheckInEnrolment(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    CheckInSchedule.Parse(reader.GetString(5).Split(','), reader.GetString(6))!,
                    ParseDate(reader.GetString(7)),
                    reader.IsDBNull(8) ? null : ParseDate(reader.GetString(8)),
                    Enum.Parse<EnrolmentStatus>(reader.GetString(9), ignoreCase: true),
                    SmsTimestamps.ParseOrNull(reader, 10),
                    (int)reader.GetInt64(11),
                    (int)reader.GetInt64(12),
                    (int)reader.GetInt64(13),
                    SmsTimestamps.ParseOrNull(reader, 14),
                    SmsTimestamps.Parse(reader.GetString(15))),
                cancellationToken).ConfigureAwait(false);
        }
    }
}
